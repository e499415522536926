using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Patch;

/// <summary>An immutable RFC 6902 JSON Patch document.</summary>
public sealed class JsonPatch
{
    public JsonPatch(IReadOnlyList<PatchOperation> operations) => Operations = operations;

    public IReadOnlyList<PatchOperation> Operations { get; }

    /// <summary>Applies every operation to a copy of <paramref name="document"/>; all or nothing.</summary>
    public PatchResult Apply(JsonNode? document)
    {
        var root = new DocumentRoot(document?.DeepClone());
        for (var i = 0; i < Operations.Count; i++)
        {
            var error = PatchOperationApplier.Apply(root, Operations[i]);
            if (error is not null)
            {
                var operation = Operations[i];
                var pointer = error.StartsWith("'from'", StringComparison.Ordinal) ? operation.From! : operation.Path;
                return PatchResult.Failure(i, $"operation {i} ({operation.Name}): {error}", pointer);
            }
        }
        return PatchResult.Success(root.Value);
    }

    public JsonArray ToJson() => new(Operations.Select(o => (JsonNode)o.ToJson()).ToArray());

    public override string ToString() => ToJson().ToJsonString();

    /// <summary>
    /// Builds every lazily parsed node of the operations' values, so threads can then share the patch
    /// read-only (walking is enough; serialising would load the JSON writer for nothing).
    /// </summary>
    public void Materialize()
    {
        foreach (var operation in Operations)
        {
            Walk(operation.Value);
        }
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Walk(child);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child);
                }
                break;
            case JsonValue v:
                _ = v.GetValueKind();
                break;
        }
    }
}

/// <summary>Holds the document so operations on the root pointer can replace it.</summary>
internal sealed class DocumentRoot(JsonNode? value)
{
    public JsonNode? Value { get; set; } = value;
}
