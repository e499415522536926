using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Schemas;

/// <summary>
/// The form the CRDs are embedded in: the operator's YAML as JSON, without the field descriptions the
/// checks never read. Reading the 540 KB FlinkDeployment CRD as YAML took longer than validating a file
/// (a pre-commit hook on one file paid it every run); this JSON is a fifth of the size and is read by
/// the framework's JSON reader. The YAML originals stay in the repository and a test proves every
/// embedded JSON file is exactly what this function makes of its original.
/// </summary>
public static class CrdCompaction
{
    public static string Compact(JsonObject crd)
    {
        var copy = (JsonObject)crd.DeepClone();
        RemoveDescriptions(copy);
        return copy.ToJsonString() + "\n";
    }

    /// <summary>A "description" holding text is documentation; one holding an object is a field that happens to be called description.</summary>
    private static void RemoveDescriptions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["description"] is JsonValue)
                {
                    o.Remove("description");
                }
                foreach (var (_, child) in o)
                {
                    RemoveDescriptions(child);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    RemoveDescriptions(child);
                }
                break;
        }
    }
}
