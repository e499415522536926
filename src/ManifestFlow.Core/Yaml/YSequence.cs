namespace ManifestFlow.Core.Yaml;

public sealed class YSequence(int start, int rawEnd, string? anchor, string? tag, bool isFlow, IReadOnlyList<YNode> items)
    : YNode(start, rawEnd, anchor, tag)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<YNode> Items { get; } = items;

    /// <summary>The position of the closing ']' of a flow sequence.</summary>
    public int CloseBracket => RawEnd - 1;

    public override int End => IsFlow || Items.Count == 0 ? RawEnd : Items[^1].End;

    public override IEnumerable<YNode> Children => Items;
}
