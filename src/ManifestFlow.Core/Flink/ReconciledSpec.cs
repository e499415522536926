using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// The spec the operator last acted on (<c>status.reconciliationStatus.lastReconciledSpec</c>, a JSON
/// string). The operator compares the new spec with it, so nonces and paths matter only relative to it.
/// </summary>
public static class ReconciledSpec
{
    private static readonly JsonPointer Pointer = JsonPointer.Of("status", "reconciliationStatus", "lastReconciledSpec");

    /// <summary>The job of the last reconciled spec, when the status records one.</summary>
    public static JsonObject? LastReconciledJob(FlinkResource r) => LastReconciled(r)?["job"] as JsonObject;

    /// <summary>The last reconciled spec, when the status records one that reads as JSON.</summary>
    public static JsonObject? LastReconciled(FlinkResource r)
    {
        if (r.At(Pointer) is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return null;
        }
        try
        {
            // The operator stores {"spec":{…},"resource_metadata":{…}}; older versions stored the bare spec.
            var parsed = JsonNode.Parse(text);
            return (parsed?["spec"] ?? parsed) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
