using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Patch;

/// <summary>One RFC 6902 operation. <see cref="Value"/> is set for add, replace and test; <see cref="From"/> for move and copy.</summary>
public sealed record PatchOperation(PatchOperationKind Kind, JsonPointer Path, JsonPointer? From = null, JsonNode? Value = null)
{
    public string Name => Kind.ToString().ToLowerInvariant();

    public JsonObject ToJson()
    {
        var o = new JsonObject { ["op"] = Name, ["path"] = Path.ToString() };
        if (From is not null)
        {
            o["from"] = From.ToString();
        }
        if (Kind is PatchOperationKind.Add or PatchOperationKind.Replace or PatchOperationKind.Test)
        {
            o["value"] = Value?.DeepClone();
        }
        return o;
    }
}
