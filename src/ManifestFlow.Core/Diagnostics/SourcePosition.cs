namespace ManifestFlow.Core.Diagnostics;

/// <summary>A 1-based line and column (columns count UTF-16 code units, as YamlDotNet's marks do).</summary>
public readonly record struct SourcePosition(int Line, int Column);
