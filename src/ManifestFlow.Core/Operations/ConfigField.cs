namespace ManifestFlow.Core.Operations;

/// <summary>A spec field of a config resource: its JSON type and, for enumerations, the allowed values.</summary>
public sealed record ConfigField(string Type, IReadOnlyList<string>? Values = null)
{
    public static readonly ConfigField String = new("string");
    public static readonly ConfigField Boolean = new("boolean");
    public static readonly ConfigField Integer = new("integer");
    public static readonly ConfigField Array = new("array");
    public static readonly ConfigField Object = new("object");

    public static ConfigField OneOf(params string[] values) => new("string", values);
}
