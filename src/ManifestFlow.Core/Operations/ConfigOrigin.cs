namespace ManifestFlow.Core.Operations;

/// <summary>The config resource a declarative request comes from: its name, so generated names can derive from it instead of the clock.</summary>
public sealed record ConfigOrigin(string Name, string Namespace);
