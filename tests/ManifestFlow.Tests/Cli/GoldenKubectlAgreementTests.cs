using ManifestFlow.Core.Json;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Every successful golden apply case that patches the whole input (args.txt is exactly
/// <c>apply --patch &lt;patch&gt; &lt;input&gt;</c>, no --select) gives the same objects as kubectl patch --local --type json.
/// </summary>
public sealed class GoldenKubectlAgreementTests
{
    public static TheoryData<string> Cases() =>
        [.. GoldenCase.Of("apply").Where(c => c.ExpectedExitCode == 0 && c.Arguments is ["apply", "--patch", _, _]).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GoldenOutput_EqualsKubectlResult(string name)
    {
        var golden = GoldenCase.Get("apply/" + name);
        var (patch, input) = (golden.Arguments[2], golden.Arguments[3]);
        var patchRead = Manifests.Read(golden.PathOf(patch));
        var patchJson = Manifests.Values(patchRead).Single()!.ToJsonString();
        var (expected, error) = Kubectl.Patch(golden.PathOf(input), patchJson);
        Assert.True(expected is not null, error);
        var ours = Manifests.Values(Manifests.Read(Path.Combine(golden.Directory, GoldenCase.OutFile)));
        Assert.Equal(expected.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            Assert.True(JsonEquality.DeepEquals(expected[i], ours[i]), $"document {i + 1}:\nkubectl {expected[i]?.ToJsonString()}\nours    {ours[i]?.ToJsonString()}");
        }
    }
}
