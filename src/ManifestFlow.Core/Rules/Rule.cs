using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// A finding's identity and documentation: stable id, default severity, what it protects against, what
/// to do, and an input that triggers it next to one that does not. docs/rules.md and SARIF rule
/// metadata are rendered from these, and the examples are run as tests.
/// </summary>
public sealed record Rule(string Id, string Name, Severity Severity, string Category, string Summary, string Help, string Bad, string Good)
{
    /// <summary>The operator's own message this rule mirrors, when it mirrors one (so users can search for it).</summary>
    public string? OperatorMessage { get; init; }

    /// <summary>
    /// How the examples are run when `validate` on a manifest cannot show the finding (a patch, an
    /// operation, a review); null when <see cref="Bad"/> and <see cref="Good"/> are manifests to validate.
    /// </summary>
    public CommandExample? Example { get; init; }

    /// <summary>
    /// The finding means an input could not be read at all, so nothing in it was checked: commands exit
    /// with 2 (bad input), not 1 (findings), and neither --only nor --disable may hide it.
    /// </summary>
    public bool InputUnreadable { get; init; }
}
