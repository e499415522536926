using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Settings;

namespace ManifestFlow.Core.Pipeline;

/// <summary>
/// How findings count in one run: which rules are off, which alone are reported, and from which
/// severity the run fails. Command-line flags, Argo CD parameters and FlinkValidate resources found
/// in the inputs merge into one, the same way in every front end.
/// </summary>
public sealed record RunConfiguration(Severity? FailOn, IReadOnlySet<string> Disabled, IReadOnlySet<string> Only)
{
    public static readonly RunConfiguration Default = new(null, new HashSet<string>(), new HashSet<string>());

    /// <summary>Rule id → the severity its findings are reported at (the settings file's <c>severity</c>).</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Resource kinds not checked at all (--skip-kind, the settings file's <c>skipKinds</c>).</summary>
    public IReadOnlySet<string> SkipKinds { get; init; } = new HashSet<string>();

    /// <summary>
    /// Merged with the repository's settings file, as with a FlinkValidate: disabled rules and skipped kinds
    /// add up, the stricter fail-on wins; the file's <c>only</c> applies when the command line names none
    /// (a hook's own --only list is what that hook is for); its severity overrides apply.
    /// </summary>
    public RunConfiguration With(RepositorySettings settings)
    {
        var disabled = new HashSet<string>(Disabled, StringComparer.Ordinal);
        disabled.UnionWith(settings.Disable);
        var skipKinds = new HashSet<string>(SkipKinds, StringComparer.Ordinal);
        skipKinds.UnionWith(settings.SkipKinds);
        var severities = new Dictionary<string, Severity>(Severities, StringComparer.Ordinal);
        foreach (var (id, severity) in settings.Severities)
        {
            severities[id] = severity;
        }
        return this with
        {
            FailOn = Stricter(FailOn, settings.FailOn),
            Disabled = disabled,
            Only = Only.Count > 0 ? Only : settings.Only,
            Severities = severities,
            SkipKinds = skipKinds,
        };
    }

    /// <summary>The finding at the severity the configuration reports it at; every output and the exit code see this one.</summary>
    public Diagnostic Adjust(Diagnostic diagnostic) =>
        Severities.TryGetValue(diagnostic.RuleId, out var severity) && severity != diagnostic.Severity ? diagnostic with { Severity = severity } : diagnostic;

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
        return this with { FailOn = Stricter(FailOn, validate.FailOn), Disabled = disabled };
    }

    private static Severity? Stricter(Severity? ours, Severity? theirs) => (ours, theirs) switch
    {
        (null, _) => theirs,
        (_, null) => ours,
        _ => ours < theirs ? ours : theirs,
    };

    /// <summary>True when the finding is reported at all under --disable and --only.</summary>
    public bool Reports(Diagnostic diagnostic, bool unreadable) =>
        unreadable || (!Disabled.Contains(diagnostic.RuleId) && (Only.Count == 0 || Only.Contains(diagnostic.RuleId)));

    public bool Fails(Diagnostic diagnostic) => diagnostic.Severity >= EffectiveFailOn;
}
