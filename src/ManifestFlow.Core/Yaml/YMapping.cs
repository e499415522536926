namespace ManifestFlow.Core.Yaml;

public sealed record YEntry(YNode Key, YNode Value);

public sealed class YMapping(int start, int rawEnd, string? anchor, string? tag, bool isFlow, IReadOnlyList<YEntry> entries)
    : YNode(start, rawEnd, anchor, tag)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<YEntry> Entries { get; } = entries;

    /// <summary>The position of the closing '}' of a flow mapping.</summary>
    public int CloseBracket => RawEnd - 1;

    public override int End => IsFlow || Entries.Count == 0 ? RawEnd : Entries[^1].Value.End;

    public override IEnumerable<YNode> Children
    {
        get
        {
            foreach (var entry in Entries)
            {
                yield return entry.Key;
                yield return entry.Value;
            }
        }
    }
}
