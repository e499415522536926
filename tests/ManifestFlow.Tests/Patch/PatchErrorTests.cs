using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Patch;

namespace ManifestFlow.Tests.Patch;

/// <summary>Every error path of RFC 6901 and RFC 6902, each with the failing operation's index and pointer.</summary>
public sealed class PatchErrorTests
{
    private static PatchResult Apply(string doc, string patch)
    {
        var parsed = JsonPatchParser.Parse(patch);
        Assert.True(parsed.Patch is not null, parsed.Error);
        return parsed.Patch!.Apply(JsonNode.Parse(doc));
    }

    private static JsonPatchParser.ParseResult Parse(string patch) => JsonPatchParser.Parse(patch);

    [Theory]
    [InlineData("""[{"op":"spam","path":"/a"}]""", "unknown op 'spam'")]
    [InlineData("""[{"path":"/a","value":1}]""", "missing 'op'")]
    [InlineData("""[{"op":"add","value":1}]""", "missing 'path'")]
    [InlineData("""[{"op":"add","path":"/a"}]""", "needs a 'value'")]
    [InlineData("""[{"op":"replace","path":"/a"}]""", "needs a 'value'")]
    [InlineData("""[{"op":"test","path":"/a"}]""", "needs a 'value'")]
    [InlineData("""[{"op":"move","path":"/a"}]""", "missing 'from'")]
    [InlineData("""[{"op":"copy","path":"/a"}]""", "missing 'from'")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""", "must be empty or start with '/'")]
    [InlineData("""[{"op":"add","path":"/a~2","value":1}]""", "invalid escape")]
    [InlineData("""[{"op":"add","path":"/a~","value":1}]""", "invalid escape")]
    [InlineData("""[{"op":1,"path":"/a","value":1}]""", "'op' must be a string")]
    [InlineData("""[{"op":"add","path":"/a","value":1,"op":"remove"}]""", "not valid JSON")]
    [InlineData("""{"op":"add"}""", "must be an array")]
    [InlineData("""[1]""", "must be an object")]
    public void MalformedPatch_IsRejectedBeforeApplying(string patch, string message)
    {
        var parsed = Parse(patch);
        Assert.Null(parsed.Patch);
        Assert.Contains(message, parsed.Error);
    }

    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/b","value":2}]""", "'/b' does not exist")]
    [InlineData("""{"a":1}""", """[{"op":"remove","path":"/b"}]""", "'/b' does not exist")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/b","value":1}]""", "'/b' does not exist")]
    [InlineData("""{"a":1}""", """[{"op":"move","from":"/b","path":"/c"}]""", "'from' path '/b' does not exist")]
    [InlineData("""{"a":1}""", """[{"op":"copy","from":"/b","path":"/c"}]""", "'from' path '/b' does not exist")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/x/y","value":1}]""", "missing objects are not created")]
    [InlineData("""{"a":[1]}""", """[{"op":"add","path":"/a/01","value":1}]""", "not an array index")]
    [InlineData("""{"a":[1]}""", """[{"op":"replace","path":"/a/00","value":1}]""", "not an array index")]
    [InlineData("""{"a":[1]}""", """[{"op":"add","path":"/a/2","value":1}]""", "past the end")]
    [InlineData("""{"a":[1]}""", """[{"op":"replace","path":"/a/1","value":1}]""", "out of range")]
    [InlineData("""{"a":[1]}""", """[{"op":"remove","path":"/a/-"}]""", "only valid as the target of add")]
    [InlineData("""{"a":[1]}""", """[{"op":"replace","path":"/a/-","value":2}]""", "only valid as the target of add")]
    [InlineData("""{"a":[1]}""", """[{"op":"add","path":"/a/-1","value":1}]""", "not an array index")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", "into its own child")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a","value":"1"}]""", "test failed")]
    [InlineData("""{"a":"x"}""", """[{"op":"add","path":"/a/b","value":1}]""", "is a string")]
    public void FailingOperation_ReportsIndexAndPointer(string doc, string patch, string message)
    {
        var result = Apply(doc, patch);
        Assert.False(result.Succeeded);
        Assert.Equal(0, result.FailedOperation);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void FailingLaterOperation_LeavesNoPartialChange()
    {
        var doc = JsonNode.Parse("""{"a":1}""");
        var patch = JsonPatchParser.Parse("""[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/zz"}]""").Patch!;
        var result = patch.Apply(doc);
        Assert.Equal(1, result.FailedOperation);
        Assert.Null(result.Result);
        Assert.Contains("operation 1 (remove)", result.Error);
        Assert.Equal("""{"a":1}""", doc!.ToJsonString());
    }

    [Fact]
    public void Test_ComparesNumbersByValueAndIgnoresMemberOrder()
    {
        var result = Apply("""{"a":{"x":1.0,"y":[1,2]}}""", """[{"op":"test","path":"/a","value":{"y":[1,2.00],"x":1}}]""");
        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public void EscapedSegments_ReachKeysWithSlashAndTilde()
    {
        var result = Apply("""{"metadata":{"labels":{"app.kubernetes.io/name":"a","x~y":1}}}""",
            """[{"op":"replace","path":"/metadata/labels/app.kubernetes.io~1name","value":"b"},{"op":"remove","path":"/metadata/labels/x~0y"}]""");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{"metadata":{"labels":{"app.kubernetes.io/name":"b"}}}""", result.Result!.ToJsonString());
    }

    [Fact]
    public void Pointer_RoundTripsThroughText()
    {
        var pointer = JsonPointer.TryParse("/a~1b/~0c/", out _)!;
        Assert.Equal(["a/b", "~c", ""], pointer.Segments);
        Assert.Equal("/a~1b/~0c/", pointer.ToString());
    }
}
