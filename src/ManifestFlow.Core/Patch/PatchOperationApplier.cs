using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Patch;

/// <summary>The six RFC 6902 verbs, each built from three primitives: get, add and remove.</summary>
internal static class PatchOperationApplier
{
    /// <returns>null on success, else why the operation failed.</returns>
    public static string? Apply(DocumentRoot root, PatchOperation operation) => operation.Kind switch
    {
        PatchOperationKind.Add => Add(root, operation.Path, operation.Value?.DeepClone()),
        PatchOperationKind.Remove => Remove(root, operation.Path, out _),
        PatchOperationKind.Replace => Replace(root, operation.Path, operation.Value),
        PatchOperationKind.Move => Move(root, operation.From!, operation.Path),
        PatchOperationKind.Copy => Copy(root, operation.From!, operation.Path),
        PatchOperationKind.Test => Test(root, operation.Path, operation.Value),
        _ => $"unsupported operation {operation.Kind}",
    };

    private static string? Replace(DocumentRoot root, JsonPointer path, JsonNode? value)
    {
        if (!TryGet(root, path, out _, out var error))
        {
            return error;
        }
        if (path.IsRoot)
        {
            root.Value = value?.DeepClone();
            return null;
        }
        var parent = Resolve(root, path.Parent)!;
        if (parent is JsonObject o)
        {
            o[path.Last] = value?.DeepClone();
        }
        else
        {
            ((JsonArray)parent)[ExistingIndex(path)] = value?.DeepClone();
        }
        return null;
    }

    private static string? Move(DocumentRoot root, JsonPointer from, JsonPointer path)
    {
        if (path.StartsWith(from) && !path.Equals(from))
        {
            return $"cannot move '{from}' into its own child '{path}'";
        }
        if (!TryGet(root, from, out _, out var error))
        {
            return $"'from' {error}";
        }
        if (path.Equals(from))
        {
            return null;
        }
        error = Remove(root, from, out var value);
        return error ?? Add(root, path, value);
    }

    private static string? Copy(DocumentRoot root, JsonPointer from, JsonPointer path)
    {
        if (!TryGet(root, from, out var value, out var error))
        {
            return $"'from' {error}";
        }
        return Add(root, path, value?.DeepClone());
    }

    private static string? Test(DocumentRoot root, JsonPointer path, JsonNode? expected)
    {
        if (!TryGet(root, path, out var actual, out var error))
        {
            return error;
        }
        return JsonEquality.DeepEquals(actual, expected)
            ? null
            : $"test failed: the value at '{path}' is {Describe(actual)}, not {Describe(expected)}";
    }

    private static string Describe(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }

    private static string? Add(DocumentRoot root, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            root.Value = value;
            return null;
        }
        var parent = Resolve(root, path.Parent);
        switch (parent)
        {
            case JsonObject o:
                o[path.Last] = value;
                return null;
            case JsonArray a:
                if (path.Last == "-")
                {
                    a.Add(value);
                    return null;
                }
                if (!JsonPointer.TryParseIndex(path.Last, out var index))
                {
                    return $"'{path}': '{path.Last}' is not an array index";
                }
                if (index > a.Count)
                {
                    return $"'{path}': index {index} is past the end of the array (length {a.Count})";
                }
                a.Insert(index, value);
                return null;
            default:
                return ParentMissing(root, path);
        }
    }

    private static string? Remove(DocumentRoot root, JsonPointer path, out JsonNode? removed)
    {
        removed = null;
        if (!TryGet(root, path, out removed, out var error))
        {
            return error;
        }
        if (path.IsRoot)
        {
            root.Value = null;
            return null;
        }
        var parent = Resolve(root, path.Parent);
        if (parent is JsonObject o)
        {
            o.Remove(path.Last);
        }
        else
        {
            ((JsonArray)parent!).RemoveAt(ExistingIndex(path));
        }
        return null;
    }

    /// <summary>The last segment of a pointer that <see cref="TryGet"/> already resolved inside an array.</summary>
    private static int ExistingIndex(JsonPointer path) =>
        JsonPointer.TryParseIndex(path.Last, out var index) ? index : throw new InvalidOperationException(path.ToString());

    private static string ParentMissing(DocumentRoot root, JsonPointer path)
    {
        TryGet(root, path.Parent, out var parent, out var error);
        return error is not null
            ? $"cannot add '{path}': {error} (missing objects are not created)"
            : $"cannot add '{path}': '{path.Parent}' is {Kind(parent)}, not an object or array";
    }

    private static JsonNode? Resolve(DocumentRoot root, JsonPointer pointer) =>
        TryGet(root, pointer, out var node, out _) ? node : null;

    /// <summary>Strict lookup: a missing member, a bad index or '-' is an error.</summary>
    internal static bool TryGet(DocumentRoot root, JsonPointer pointer, out JsonNode? node, out string? error)
    {
        node = root.Value;
        error = null;
        var walked = JsonPointer.Root;
        foreach (var segment in pointer.Segments)
        {
            walked = walked.Append(segment);
            switch (node)
            {
                case JsonObject o when o.TryGetPropertyValue(segment, out var child):
                    node = child;
                    break;
                case JsonArray a when JsonPointer.TryParseIndex(segment, out var index) && index < a.Count:
                    node = a[index];
                    break;
                case JsonArray a:
                    error = segment == "-"
                        ? $"'{walked}': '-' names no existing element (it is only valid as the target of add)"
                        : JsonPointer.TryParseIndex(segment, out var i)
                            ? $"'{walked}': index {i} is out of range (length {a.Count})"
                            : $"'{walked}': '{segment}' is not an array index";
                    return false;
                default:
                    error = node is JsonObject
                        ? $"path '{walked}' does not exist"
                        : $"path '{walked}' does not exist ('{walked.Parent}' is {Kind(node)})";
                    return false;
            }
        }
        return true;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
