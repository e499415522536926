using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Output;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Cli.Commands;

/// <summary>
/// <c>manifestflow rules [RULE]</c>: the rule catalogue offline. One rule is printed as its section of
/// docs/rules.md (the same renderer, so the two cannot differ); the list is one line per rule.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Argument<string?>("RULE") { Description = "a rule id (MF1005) or name (directory-not-persistent) to explain; without it, every rule is listed", Arity = ArgumentArity.ZeroOrOne, HelpName = "RULE" };
        // HelpName: help would otherwise list every completion (134 ids and names) as the argument's usage.
        rule.CompletionSources.Add(_ => RuleCatalog.All.Select(r => r.Id).Concat(RuleCatalog.All.Select(r => r.Name)));
        var command = new Command("rules", "List the rules, or explain one: what it protects against, what to do, an input that triggers it and one that passes.") { rule };
        command.SetAction(r => Run(console, r.GetValue(rule)));
        return command;
    }

    private static int Run(CliConsole console, string? text)
    {
        string output;
        if (text is null)
        {
            output = List();
        }
        else if (RuleLookup.Find(text) is { } rule)
        {
            output = RulesDocument.Section(rule);
        }
        else
        {
            return new DiagnosticReporter(console.StandardError).Usage(RuleLookup.Unknown(text));
        }
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(output));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }

    private static string List()
    {
        var nameWidth = RuleCatalog.All.Max(r => r.Name.Length);
        var categoryWidth = RuleCatalog.All.Max(r => r.Category.Length);
        var b = new StringBuilder();
        foreach (var rule in RuleCatalog.All)
        {
            b.Append($"{rule.Id,-6}  {rule.Severity.ToString().ToLowerInvariant(),-7}  {rule.Name.PadRight(nameWidth)}  {rule.Category.PadRight(categoryWidth)}  {FirstSentence(rule.Summary)}\n");
        }
        b.Append("\nRun 'manifestflow rules RULE' to explain one (docs/rules.md holds the same text).\n");
        return b.ToString();
    }

    /// <summary>The summary up to its first full stop, so the list stays one line per rule.</summary>
    private static string FirstSentence(string summary)
    {
        var end = summary.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? summary : summary[..(end + 1)];
    }
}
