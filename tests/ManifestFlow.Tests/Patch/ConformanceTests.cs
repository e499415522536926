using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Patch;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Patch;

/// <summary>Every enabled case of json-patch-tests' spec_tests.json, one test each.</summary>
public sealed class ConformanceTests
{
    private const string SuitePath = "corpus/json-patch-tests/spec_tests.json";

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var file = SharedCorpus.Root is null ? null : Path.Combine(SharedCorpus.Root, SuitePath);
        if (file is null || !File.Exists(file))
        {
            data.Add(-1, "(corpus absent)");
            return data;
        }
        var cases = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i]!["disabled"]?.GetValue<bool>() == true)
            {
                continue;
            }
            data.Add(i, cases[i]!["comment"]?.GetValue<string>() ?? $"case {i}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpecCase_GivesTheExpectedDocumentOrError(int index, string comment)
    {
        var file = SharedCorpus.Require(SuitePath);
        Assert.True(index >= 0, comment);
        var testCase = JsonNode.Parse(File.ReadAllText(file))!.AsArray()[index]!.AsObject();
        var doc = testCase["doc"];
        var expectsError = testCase.ContainsKey("error");

        var parsed = JsonPatchParser.Parse(testCase["patch"]!.ToJsonString());
        if (parsed.Patch is null)
        {
            Assert.True(expectsError, $"{comment}: patch rejected: {parsed.Error}");
            return;
        }
        var original = doc?.DeepClone();
        var result = parsed.Patch.Apply(doc);

        Assert.True(JsonEquality.DeepEquals(original, doc), "apply must not change its input");
        if (expectsError)
        {
            Assert.False(result.Succeeded, $"{comment}: expected error '{testCase["error"]}', got {result.Result?.ToJsonString()}");
            Assert.NotNull(result.FailedOperation);
        }
        else
        {
            Assert.True(result.Succeeded, $"{comment}: {result.Error}");
            if (testCase.TryGetPropertyValue("expected", out var expected))
            {
                Assert.True(JsonEquality.DeepEquals(expected, result.Result),
                    $"{comment}: expected {expected?.ToJsonString()}, got {result.Result?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public void Suite_HasEveryEnabledCase()
    {
        var file = SharedCorpus.Require(SuitePath);
        var cases = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        var enabled = cases.Count(c => c!["disabled"]?.GetValue<bool>() != true);
        Assert.Equal(enabled, Cases().Count);
        Assert.True(enabled > 0, "no conformance cases ran");
    }
}
