using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// A rule named by a user — its id (<c>MF1005</c>, any case) or its name (<c>directory-not-on-volume</c>) —
/// and, for a name the catalogue does not know, the nearest one as a suggestion. Every place that takes
/// rule ids from a user (flags, parameters, the settings file) resolves them here, so a typo is an
/// error with a "did you mean" instead of a check silently switched off.
/// </summary>
public static class RuleLookup
{
    public static Rule? Resolve(string idOrName)
    {
        var text = idOrName.Trim();
        return RuleCatalog.Find(text.ToUpperInvariant()) ?? RuleCatalog.All.FirstOrDefault(r => string.Equals(r.Name, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The id or name closest to an unknown one, when it is close enough to be a typo.</summary>
    public static string? Suggest(string unknown) =>
        Suggestions.Nearest(unknown.Trim(), unknown.TrimStart().StartsWith("MF", StringComparison.OrdinalIgnoreCase)
            ? RuleCatalog.All.Select(r => r.Id)
            : RuleCatalog.All.Select(r => r.Name));

    /// <summary>"unknown rule 'X'; did you mean Y?" — the same words wherever a rule is named.</summary>
    public static string Unknown(string given) =>
        $"unknown rule '{given}'" + (Suggest(given) is { } nearest ? $"; did you mean {nearest}?" : "; run 'manifestflow validate --help' or see docs/rules.md for the rule ids");
}
