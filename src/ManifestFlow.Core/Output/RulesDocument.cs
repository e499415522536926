using System.Text;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Output;

/// <summary>Renders docs/rules.md from the rule catalog, so the documentation cannot drift from the findings (a test compares them).</summary>
public static class RulesDocument
{
    public static string Render()
    {
        var b = new StringBuilder();
        b.Append("# ManifestFlow rules\n\n");
        b.Append("Generated from `src/ManifestFlow.Core/Rules/RuleCatalog*.cs` (the examples below are run as tests).\n");
        b.Append("Disable a rule with `--disable ID`; suppress it on one resource with the annotation\n");
        b.Append("`manifestflow.io/ignore: \"ID: reason\"` (a reason is required; several entries are separated by `;`).\n");
        var unreadable = RuleCatalog.All.Where(r => r.InputUnreadable).Select(r => r.Id).ToList();
        b.Append($"Findings about unreadable input ({unreadable[0]}–{unreadable[^1]}) cannot be disabled: nothing in such a file was checked.\n");
        b.Append("Patch, operation, configuration and review findings come from commands other than `validate`;\n");
        b.Append("their examples say which command shows them.\n\n");
        b.Append("| id | name | severity | category | summary |\n|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All)
        {
            b.Append($"| [{rule.Id}](#{rule.Id.ToLowerInvariant()}) | {rule.Name} | {rule.Severity.ToString().ToLowerInvariant()} | {rule.Category} | {Cell(rule.Summary)} |\n");
        }
        foreach (var rule in RuleCatalog.All)
        {
            b.Append('\n').Append(Section(rule)).Append('\n');
        }
        return b.ToString();
    }

    /// <summary>One rule's section of docs/rules.md, which `manifestflow rules ID` prints as it is.</summary>
    public static string Section(Rule rule)
    {
        var b = new StringBuilder();
        b.Append($"## {rule.Id}\n\n**{rule.Name}** ({rule.Severity.ToString().ToLowerInvariant()}, {rule.Category})\n\n{rule.Summary}\n\n");
        if (rule.OperatorMessage is not null)
        {
            b.Append($"The operator's message: `{rule.OperatorMessage}`\n\n");
        }
        b.Append($"What to do: {rule.Help}\n\n");
        b.Append(RuleExamples.Markdown(rule));
        return b.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
