namespace ManifestFlow.Core.Yaml;

public sealed class YAlias(int start, int end, string name, YNode target) : YNode(start, end, null, null)
{
    public string Name { get; } = name;

    public YNode Target { get; } = target;

    public override int End => RawEnd;
}
