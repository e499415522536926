using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Resources;

/// <summary>Reads apiVersion, kind, namespace and name from a document's value, tolerating any shape.</summary>
public static class ResourceIdentity
{
    public static ResourceRef? Of(JsonNode? value)
    {
        if (value is not JsonObject o)
        {
            return null;
        }
        var metadata = o["metadata"] as JsonObject;
        return new ResourceRef(Text(o["apiVersion"]), Text(o["kind"]), Text(metadata?["namespace"]), Text(metadata?["name"]));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
