namespace ManifestFlow.Core.Review;

/// <summary>What a change does to one Flink resource: its classification, the savepoint involved, the risks and the exact fields.</summary>
public sealed record JobReview(
    string Kind,
    string Namespace,
    string Name,
    string File,
    string Status,
    IReadOnlyList<string> Classification,
    string? Savepoint,
    IReadOnlyList<Risk> Risks,
    IReadOnlyList<FieldChange> Fields)
{
    public string Id => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
