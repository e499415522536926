using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// A check's identity and documentation: stable id, default severity, what it protects against, what
/// to do, and a manifest that triggers it next to one that does not. docs/rules.md and SARIF rule
/// metadata are rendered from these, and the examples are run as tests.
/// </summary>
public sealed record Rule(string Id, string Name, Severity Severity, string Category, string Summary, string Help, string Bad, string Good)
{
    /// <summary>The operator's own message this rule mirrors, when it mirrors one (so users can search for it).</summary>
    public string? OperatorMessage { get; init; }
}
