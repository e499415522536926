using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>Every savepointTriggerNonce the spec and status show was used: "an integer that has never been used before" (IBM Event Processing's backup procedure).</summary>
public static class NonceHistory
{
    public static SortedSet<long> UsedTriggerNonces(FlinkResource r)
    {
        var used = new SortedSet<long>();
        Add(used, r.At(JsonPointer.Of("spec", "job", "savepointTriggerNonce")));
        var info = r.At(JsonPointer.Of("status", "jobStatus", "savepointInfo")) as JsonObject;
        Add(used, info?["lastSavepoint"]?["triggerNonce"]);
        if (info?["savepointHistory"] is JsonArray history)
        {
            foreach (var entry in history)
            {
                Add(used, entry?["triggerNonce"]);
            }
        }
        Add(used, ReconciledSpec.LastReconciledJob(r)?["savepointTriggerNonce"]);
        return used;
    }

    /// <summary>
    /// Every checkpointTriggerNonce the spec, the last reconciled spec and the legacy checkpoint status show:
    /// the operator triggers only when the spec's differs from the reconciled one (SnapshotUtils.shouldTriggerSnapshot).
    /// </summary>
    public static SortedSet<long> UsedCheckpointNonces(FlinkResource r)
    {
        var used = new SortedSet<long>();
        Add(used, r.At(JsonPointer.Of("spec", "job", "checkpointTriggerNonce")));
        Add(used, r.At(JsonPointer.Of("status", "jobStatus", "checkpointInfo", "lastCheckpoint", "triggerNonce")));
        Add(used, ReconciledSpec.LastReconciledJob(r)?["checkpointTriggerNonce"]);
        return used;
    }

    private static void Add(SortedSet<long> used, JsonNode? node)
    {
        if (node is JsonValue v && long.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            used.Add(n);
        }
    }
}
