namespace ManifestFlow.Core.Output;

/// <summary>
/// Where people learn about the tool and its rules, for SARIF's <c>informationUri</c> and each rule's
/// <c>helpUri</c> (both must be absolute). One place to change when the project moves.
/// </summary>
public static class ProjectLinks
{
    public const string Home = "https://example.com/your-org/manifestflow";

    /// <summary>The rule's section of docs/rules.md: its heading is the id, so the anchor is the id in lower case.</summary>
    public static string RuleHelp(string ruleId) => $"{Home}/blob/main/docs/rules.md#{ruleId.ToLowerInvariant()}";
}
