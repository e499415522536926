using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// One document of a YAML stream: its text range, its node tree (null for an empty or comment-only
/// document) and its value as the Kubernetes API server reads it.
/// </summary>
public sealed record SourceDocument(SourceFile File, int Index, int Start, int End, YNode? Root, JsonNode? Value)
{
    public bool IsEmpty => Root is null;

    /// <summary>Where a finding about <paramref name="pointer"/> is reported: its node, or the deepest node on the way.</summary>
    public SourceLocation LocationOf(JsonPointer? pointer) => new(File.Path, NodeLocator.PositionOf(this, pointer), pointer?.ToString());

    /// <summary>Every anchor name defined in the document, with the nodes that alias it.</summary>
    public IReadOnlyDictionary<YNode, List<YAlias>> AliasesByTarget { get; init; } = new Dictionary<YNode, List<YAlias>>();
}
