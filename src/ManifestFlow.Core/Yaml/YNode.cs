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

    public IEnumerable<YNode> DescendantsAndSelf()
    {
        var stack = new Stack<YNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case YMapping mapping:
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(mapping.Entries[i].Value);
                        stack.Push(mapping.Entries[i].Key);
                    }
                    break;
                case YSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(sequence.Items[i]);
                    }
                    break;
            }
        }
    }
}
