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
}

/// <summary>Holds the document so operations on the root pointer can replace it.</summary>
internal sealed class DocumentRoot(JsonNode? value)
{
    public JsonNode? Value { get; set; } = value;
}
