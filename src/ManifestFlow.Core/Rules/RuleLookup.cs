using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Resolves what a user wrote for a rule (in --only, --disable, Argo CD parameters, a FlinkValidate) to the
/// catalogue's rule. An id in any case (<c>mf1005</c>) or a rule name (<c>directory-not-persistent</c>) is
/// accepted; anything else is an error with the nearest id or name, never ignored: a typo in a hook's
/// <c>--only</c> list would otherwise switch the check off and pass every commit.
/// </summary>
public static class RuleLookup
{
    /// <summary>The ids resolved from the values (each may hold comma-separated entries), and one message per unknown entry.</summary>
    public sealed record Resolution(IReadOnlySet<string> Ids, IReadOnlyList<string> Errors);

    private static Dictionary<string, Rule>? _byKey;

    /// <summary>The rule an id (any case) or a name names, or null.</summary>
    public static Rule? Find(string text) =>
        (_byKey ??= RuleCatalog.All.SelectMany(r => new[] { (Key: r.Id, Rule: r), (Key: r.Name, Rule: r) })
            .ToDictionary(p => p.Key, p => p.Rule, StringComparer.OrdinalIgnoreCase))
        .GetValueOrDefault(text.Trim());

    /// <summary>"unknown rule 'MF1O05'; did you mean MF1005? ('manifestflow rules' lists them)".</summary>
    public static string Unknown(string text)
    {
        var nearest = Suggestions.Nearest(text.Trim(), RuleCatalog.All.SelectMany(r => new[] { r.Id, r.Name }));
        return $"unknown rule '{text.Trim()}'{(nearest is null ? "" : $"; did you mean {nearest}?")} ('manifestflow rules' lists them)";
    }

    /// <summary>Splits each value on commas and resolves every entry; empty entries are skipped.</summary>
    public static Resolution Resolve(IEnumerable<string> values)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var entry in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Find(entry) is { } rule)
            {
                ids.Add(rule.Id);
            }
            else
            {
                errors.Add(Unknown(entry));
            }
        }
        return new Resolution(ids, errors);
    }
}
