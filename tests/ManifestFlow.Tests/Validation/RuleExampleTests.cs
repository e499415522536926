using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Validation;

/// <summary>
/// Every validated rule's documented examples: the bad one fires the rule, the good one does not (and has
/// no errors). Rules whose examples run through another command are tested by RuleCommandExampleTests.
/// </summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Where(r => r.Example is null).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BadExample_FiresTheRule(string id)
    {
        var rule = RuleCatalog.Get(id);
        var found = Validate(rule.Bad);
        Assert.True(found.Any(d => d.RuleId == id), $"{id} did not fire on its bad example; found: {string.Join("\n", found)}");
        var finding = found.First(d => d.RuleId == id);
        Assert.True(finding.Line > 0 && finding.Column > 0, "a finding has a position");
        Assert.Equal(rule.Severity, finding.Severity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void GoodExample_DoesNotFireTheRuleNorAnyError(string id)
    {
        var found = Validate(RuleCatalog.Get(id).Good);
        Assert.DoesNotContain(found, d => d.RuleId == id);
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void RuleIds_AreUniqueAndOrdered()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.True(ids.Count >= 40, $"only {ids.Count} rules");
    }

    internal static IReadOnlyList<Diagnostic> Validate(string yaml) =>
        Validator.Validate([new SourceFile("example.yaml", yaml + "\n")], ReadLimits.Default).Diagnostics;
}
