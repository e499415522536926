using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Patch;

namespace ManifestFlow.Core.Planning;

/// <summary>One change to the target and why it is needed, as the plan shows it to a reviewer.</summary>
public sealed record PlanStep(JsonPointer Path, JsonNode? OldValue, JsonNode? NewValue, bool Existed, bool Remove, string Why)
{
    public PatchOperation ToOperation() => Remove
        ? new PatchOperation(PatchOperationKind.Remove, Path)
        : new PatchOperation(Existed ? PatchOperationKind.Replace : PatchOperationKind.Add, Path, null, NewValue?.DeepClone());

    public string Describe()
    {
        var secret = Redaction.IsSecretKey(Path.ToString());
        var from = Existed ? secret ? Redaction.Redacted : Text(OldValue) : "(unset)";
        return Remove ? $"remove {Path}" : $"{Path}: {from} -> {(secret ? Redaction.Redacted : Text(NewValue))}";
    }

    private static string Text(JsonNode? value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
