using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// One document of a YAML stream: its text range, its node tree (null for an empty or comment-only
/// document) and its value as the Kubernetes API server reads it.
/// </summary>
/// <remarks>
/// The node tree is as large as the value and is needed only where a finding is placed or an edit is
/// made. A run that validates thousands of files keeps <see cref="Detached"/> documents: the tree is
/// dropped after reading and read again from the file's text the first time anything asks for it, so
/// memory holds values, not trees, and only files with findings are read twice.
/// </remarks>
public sealed record SourceDocument(SourceFile File, int Index, int Start, int End, YNode? Root, JsonNode? Value)
{
    private static readonly IReadOnlyDictionary<YNode, List<YAlias>> NoAliases = new Dictionary<YNode, List<YAlias>>();

    /// <summary>Null while detached; set once, atomically, so a reader never sees a root and aliases of two different reads.</summary>
    private DocumentTree? _tree = new(Root, NoAliases);

    /// <summary>What to read the tree again with, while detached.</summary>
    private ReadLimits? _limits;

    private readonly bool _empty = Root is null;

    public YNode? Root
    {
        get => (Volatile.Read(ref _tree) ?? Reattach()).Root;
        init
        {
            _tree = new DocumentTree(value, _tree?.Aliases ?? NoAliases);
            _empty = value is null;
        }
    }

    public bool IsEmpty => _empty;

    /// <summary>Where a finding about <paramref name="pointer"/> is reported: its node, or the deepest node on the way.</summary>
    public SourceLocation LocationOf(JsonPointer? pointer) => new(File.Path, NodeLocator.PositionOf(this, pointer), pointer?.ToString());

    /// <summary>Every anchor name defined in the document, with the nodes that alias it.</summary>
    public IReadOnlyDictionary<YNode, List<YAlias>> AliasesByTarget
    {
        get => (Volatile.Read(ref _tree) ?? Reattach()).Aliases;
        init => _tree = new DocumentTree(_tree?.Root, value);
    }

    /// <summary>This document without its node tree, read again from <see cref="File"/> with <paramref name="limits"/> when first needed.</summary>
    public SourceDocument Detached(ReadLimits limits)
    {
        if (_empty)
        {
            return this; // nothing to drop
        }
        var copy = this with { };
        copy._limits = limits;
        copy._tree = null;
        return copy;
    }

    private DocumentTree Reattach()
    {
        var trees = File.TreesOf(_limits!);
        if (Index >= trees.Count)
        {
            // The text is immutable and the limits the same, so a second read gives the same documents.
            throw new InvalidOperationException($"{File.Path}: document {Index + 1} was not found when its text was read again");
        }
        return Interlocked.CompareExchange(ref _tree, trees[Index], null) ?? trees[Index];
    }

    /// <summary>Equal when the same document of the same file has the same value; whether its tree is attached does not matter.</summary>
    public bool Equals(SourceDocument? other) =>
        other is not null && ReferenceEquals(File, other.File) && Index == other.Index && Start == other.Start && End == other.End && ReferenceEquals(Value, other.Value);

    public override int GetHashCode() => HashCode.Combine(File, Index, Start, Value);
}

/// <summary>A document's node tree and its aliases, from one read.</summary>
internal sealed record DocumentTree(YNode? Root, IReadOnlyDictionary<YNode, List<YAlias>> Aliases);
