using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Yaml;

/// <summary>Explicit keys must be unique; a key that overrides a merged (&lt;&lt;) key is not a duplicate.</summary>
public sealed class DuplicateKeyTests
{
    [Fact]
    public void AnExplicitKeyRepeatedAcrossAMergeKey_IsADuplicate_PointingAtTheFirst()
    {
        var read = Manifests.ReadText("base: &b {p: 1}\nm:\n  a: 1\n  <<: *b\n  a: 2\n");
        var error = Assert.Single(read.Errors);
        Assert.Equal(RuleCatalog.DuplicateKey.Id, error.RuleId);
        Assert.Equal(5, error.Line);
        Assert.Contains("duplicate key 'a' (first at line 3)", error.Message);
    }

    [Fact]
    public void KeysThatResolveToTheSameName_AreDuplicates()
    {
        var read = Manifests.ReadText("m:\n  1: a\n  \"1\": b\n");
        var error = Assert.Single(read.Errors);
        Assert.Contains("duplicate key '1' (first at line 2)", error.Message);
    }

    [Fact]
    public void AKeyOverridingAMergedKey_IsNotADuplicate()
    {
        var read = Manifests.ReadText("base: &b {p: 1, q: 2}\nm:\n  <<: *b\n  p: 10\n");
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(10L, (long)Manifests.Values(read)[0]!["m"]!["p"]!);
    }
}
