using ManifestFlow.Core.Json;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>Every successful golden apply case gives the same objects as kubectl patch --local --type json.</summary>
public sealed class GoldenKubectlAgreementTests
{
    public static TheoryData<string> Cases() =>
        [.. Golden.Cases("apply").Where(c =>
            !File.Exists(Path.Combine(Golden.FixturesRoot, "apply", c, "errors.txt")) &&
            !File.Exists(Path.Combine(Golden.FixturesRoot, "apply", c, "args.txt")))];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoldenOutput_EqualsKubectlResult(string name)
    {
        var dir = Path.Combine(Golden.FixturesRoot, "apply", name);
        var patchRead = Manifests.Read(ApplyCase.Patch(dir));
        var patchJson = Manifests.Values(patchRead).Single()!.ToJsonString();
        var (expected, error) = Kubectl.Patch(ApplyCase.Input(dir), patchJson);
        Assert.True(expected is not null, error);
        var ours = Manifests.Values(Manifests.Read(Directory.EnumerateFiles(dir, "expected.*").Single()));
        Assert.Equal(expected.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            Assert.True(JsonEquality.DeepEquals(expected[i], ours[i]), $"document {i + 1}:\nkubectl {expected[i]?.ToJsonString()}\nours    {ours[i]?.ToJsonString()}");
        }
    }
}
