namespace ManifestFlow.Core.Input;

/// <summary>Why a path under the named inputs was not read.</summary>
public enum SkipReason
{
    /// <summary>A Helm chart met while walking a directory, or above a file named one by one.</summary>
    HelmChart,

    /// <summary>Matched an exclude glob (--exclude or the settings file).</summary>
    Excluded,
}

/// <summary>A file or directory left out of the run, as the user would name it; counted in the summary.</summary>
public sealed record SkippedInput(string Display, SkipReason Reason);
