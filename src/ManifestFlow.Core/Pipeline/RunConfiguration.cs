using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Pipeline;

/// <summary>
/// How findings count in one run: which rules are off, which alone are reported, and from which
/// severity the run fails. Command-line flags, Argo CD parameters and FlinkValidate resources found
/// in the inputs merge into one, the same way in every front end.
/// </summary>
public sealed record RunConfiguration(Severity? FailOn, IReadOnlySet<string> Disabled, IReadOnlySet<string> Only)
{
    public static readonly RunConfiguration Default = new(null, new HashSet<string>(), new HashSet<string>());

    /// <summary>The failing severity: error unless something asked for warning.</summary>
    public Severity EffectiveFailOn => FailOn ?? Severity.Error;

    /// <summary>
    /// Merged with a FlinkValidate: disabled rules add up; the stricter fail-on wins, so a repository's
    /// own FlinkValidate can tighten a run but nothing in the inputs can loosen what the caller asked.
    /// </summary>
    public RunConfiguration With(ConfigResource validate)
    {
        var disabled = new HashSet<string>(Disabled, StringComparer.Ordinal);
        disabled.UnionWith(validate.Disabled);
        var failOn = (FailOn, validate.FailOn) switch
        {
            (null, var theirs) => theirs,
            (var ours, null) => ours,
            (var ours, var theirs) => ours < theirs ? ours : theirs,
        };
        return this with { FailOn = failOn, Disabled = disabled };
    }

    /// <summary>True when the finding is reported at all under --disable and --only.</summary>
    public bool Reports(Diagnostic diagnostic, bool unreadable) =>
        unreadable || (!Disabled.Contains(diagnostic.RuleId) && (Only.Count == 0 || Only.Contains(diagnostic.RuleId)));

    public bool Fails(Diagnostic diagnostic) => diagnostic.Severity >= EffectiveFailOn;
}
