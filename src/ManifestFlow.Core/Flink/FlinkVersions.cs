namespace ManifestFlow.Core.Flink;

/// <summary>The Flink version a FlinkDeployment runs (<c>spec.flinkVersion: v1_18</c>) and what that version reads.</summary>
public static class FlinkVersions
{
    /// <summary>The version, or null when the resource does not say or says something else than vMAJOR_MINOR.</summary>
    public static (int Major, int Minor)? Of(FlinkResource r)
    {
        var text = r.Text(FlinkResource.SpecPointer.Append("flinkVersion"));
        var parts = text?.TrimStart('v').Split('_');
        return parts is { Length: 2 } && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor) ? (major, minor) : null;
    }

    /// <summary>
    /// Whether the job's Flink reads <c>execution.checkpointing.dir</c> / <c>execution.checkpointing.savepoint-dir</c>:
    /// Flink 1.20 renamed the keys (FLINK-34482, CheckpointingOptions withDeprecatedKeys); an unknown version counts as new.
    /// </summary>
    public static bool ReadsRenamedKeys(FlinkResource? r) => r is null || Of(r) is not { } v || v.Major > 1 || v.Minor >= 20;
}
