using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Patch;

/// <summary>Reads a JSON Patch document strictly: unknown ops and missing members are errors, not no-ops.</summary>
public static class JsonPatchParser
{
    public sealed record ParseResult(JsonPatch? Patch, int? FailedOperation, string? Error);

    public static ParseResult Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 1000 });
        }
        catch (JsonException e)
        {
            return new ParseResult(null, null, $"the patch is not valid JSON: {e.Message}");
        }
        return Parse(node);
    }

    public static ParseResult Parse(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return new ParseResult(null, null, "a JSON Patch must be an array of operations");
        }
        var operations = new List<PatchOperation>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var operation = ParseOperation(array[i], out var error);
            if (operation is null)
            {
                return new ParseResult(null, i, $"operation {i}: {error}");
            }
            operations.Add(operation);
        }
        return new ParseResult(new JsonPatch(operations), null, null);
    }

    private static PatchOperation? ParseOperation(JsonNode? node, out string? error)
    {
        error = null;
        if (node is not JsonObject o)
        {
            error = "an operation must be an object";
            return null;
        }
        if (!TryGetString(o, "op", out var op, out error) || !TryGetString(o, "path", out var pathText, out error))
        {
            return null;
        }
        PatchOperationKind kind;
        switch (op)
        {
            case "add": kind = PatchOperationKind.Add; break;
            case "remove": kind = PatchOperationKind.Remove; break;
            case "replace": kind = PatchOperationKind.Replace; break;
            case "move": kind = PatchOperationKind.Move; break;
            case "copy": kind = PatchOperationKind.Copy; break;
            case "test": kind = PatchOperationKind.Test; break;
            default:
                error = $"unknown op '{op}' (expected add, remove, replace, move, copy or test)";
                return null;
        }
        var path = JsonPointer.TryParse(pathText!, out error);
        if (path is null)
        {
            error = $"'path': {error}";
            return null;
        }
        JsonPointer? from = null;
        if (kind is PatchOperationKind.Move or PatchOperationKind.Copy)
        {
            if (!TryGetString(o, "from", out var fromText, out error))
            {
                return null;
            }
            from = JsonPointer.TryParse(fromText!, out error);
            if (from is null)
            {
                error = $"'from': {error}";
                return null;
            }
        }
        JsonNode? value = null;
        if (kind is PatchOperationKind.Add or PatchOperationKind.Replace or PatchOperationKind.Test)
        {
            if (!o.TryGetPropertyValue("value", out value))
            {
                error = $"'{op}' needs a 'value' member";
                return null;
            }
            value = value?.DeepClone();
        }
        return new PatchOperation(kind, path, from, value);
    }

    private static bool TryGetString(JsonObject o, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!o.TryGetPropertyValue(name, out var node) || node is null)
        {
            error = $"missing '{name}' member";
            return false;
        }
        if (node is not JsonValue v || !v.TryGetValue(out value))
        {
            error = $"'{name}' must be a string";
            return false;
        }
        return true;
    }
}
