using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Patch;

/// <summary>
/// The outcome of applying a patch: the new document, or the index of the operation that failed and why.
/// Applying never throws and never changes its input.
/// </summary>
public sealed record PatchResult(JsonNode? Result, int? FailedOperation, string? Error, JsonPointer? FailedPointer = null)
{
    public bool Succeeded => Error is null;

    public static PatchResult Success(JsonNode? result) => new(result, null, null);

    public static PatchResult Failure(int operation, string error, JsonPointer pointer) => new(null, operation, error, pointer);
}
