namespace ManifestFlow.Core.Yaml;

public sealed class YScalar(int start, int end, string? anchor, string? tag, string value, ScalarStyle style, int valueStart)
    : YNode(start, end, anchor, tag)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Where the scalar's own text begins, after any anchor and tag.</summary>
    public int ValueStart { get; } = valueStart;

    public override int End => RawEnd;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;
}
