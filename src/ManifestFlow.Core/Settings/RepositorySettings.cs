using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Settings;

/// <summary>
/// What a <c>.manifestflow.yaml</c> says, rule names already resolved to ids. Merged into the run's
/// configuration the same way by every front end (see RunConfiguration.With).
/// </summary>
public sealed record RepositorySettings(string Path)
{
    public Severity? FailOn { get; init; }

    public IReadOnlySet<string> Disable { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Rule id → the severity the repository wants its findings reported at.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Exclude globs, relative to <see cref="Directory"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlySet<string> SkipKinds { get; init; } = new HashSet<string>();

    /// <summary>The directory the file lies in: its exclude globs are relative to it.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
