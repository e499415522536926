namespace ManifestFlow.Core.Diagnostics;

/// <summary>
/// Where a finding is: a file, a 1-based position (0 when there is none, for example an unreadable
/// file) and, inside a resource, the JSON pointer of the field. Built by the YAML layer, which knows
/// nodes; diagnostics only carry it, so this folder depends on nothing.
/// </summary>
public readonly record struct SourceLocation(string File, SourcePosition Position = default, string? Pointer = null)
{
    public int Line => Position.Line;

    public int Column => Position.Column;
}
