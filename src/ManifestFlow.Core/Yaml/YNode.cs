namespace ManifestFlow.Core.Yaml;

/// <summary>
/// A node of a YAML document as written: its kind, its exact text span and its anchor. Values are
/// resolved separately (<see cref="YamlToJson"/>), so edits can be made on the text.
/// </summary>
public abstract class YNode
{
    protected YNode(int start, int end, string? anchor, string? tag)
    {
        Start = start;
        RawEnd = end;
        Anchor = anchor;
        Tag = tag;
    }

    /// <summary>Index of the first character, including any anchor or tag.</summary>
    public int Start { get; }

    /// <summary>
    /// Index just past the node. For block collections this is the end of the last descendant, so it
    /// excludes trailing comments and blank lines; for flow collections it is just past the closing bracket.
    /// </summary>
    public abstract int End { get; }

    /// <summary>The end mark YamlDotNet reported (for block collections, where the next token starts).</summary>
    protected int RawEnd { get; }

    public string? Anchor { get; }

    public string? Tag { get; }

    public YNode? Parent { get; internal set; }

    public virtual IEnumerable<YNode> Children => [];

    /// <summary>This node and everything under it, in document order (iteratively: documents may nest 1,000 deep).</summary>
    public IEnumerable<YNode> DescendantsAndSelf()
    {
        yield return this;
        var pending = new Stack<IEnumerator<YNode>>();
        pending.Push(Children.GetEnumerator());
        while (pending.Count > 0)
        {
            var siblings = pending.Peek();
            if (!siblings.MoveNext())
            {
                pending.Pop().Dispose();
                continue;
            }
            yield return siblings.Current;
            pending.Push(siblings.Current.Children.GetEnumerator());
        }
    }
}
