using System.CommandLine;
using System.CommandLine.Parsing;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Cli;

/// <summary>
/// Misspelt commands and options, found before System.CommandLine's own errors are shown. The parser
/// hands a token it does not know to the command's PATHS argument when there is one, so
/// <c>validate --formt json</c> would read two paths and <c>restore --deploymnet X</c> would only say that
/// --deployment is required. Here every token that looks like an option and is not one (before a
/// <c>--</c>) is an unknown option with the nearest real one, and an unknown first word is an unknown
/// command with the nearest command.
/// </summary>
internal static class UsageMistakes
{
    public static IReadOnlyList<string> Find(ParseResult parsed, RootCommand root)
    {
        var command = parsed.CommandResult.Command;
        var afterDoubleDash = parsed.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet();
        var mistakes = new List<string>();
        if (command == root && parsed.UnmatchedTokens.Count > 0 && parsed.UnmatchedTokens[0] is var first && !first.StartsWith('-'))
        {
            var nearest = Suggestions.Nearest(first, root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            mistakes.Add($"unknown command '{first}'{(nearest is null ? "" : $"; did you mean {nearest}?")} (commands: {string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))})");
            return mistakes;
        }
        var argumentTokens = parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Where(t => !afterDoubleDash.Contains(t));
        var unmatched = parsed.UnmatchedTokens;
        foreach (var token in argumentTokens.Select(t => t.Value).Concat(unmatched).Where(LooksLikeOption).Distinct(StringComparer.Ordinal))
        {
            var name = token.Split('=', 2)[0];
            var nearest = Suggestions.Nearest(name, OptionNames(command));
            var where = command == root ? "" : $" for {command.Name}";
            mistakes.Add($"unknown option '{name}'{where}{(nearest is null ? "; a path that starts with '-' goes after '--'" : $"; did you mean {nearest}?")}");
        }
        return mistakes;
    }

    /// <summary>"-" is standard input, and a negative number is not an option.</summary>
    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.Concat(Ancestors(command).SelectMany(c => c.Options).Where(o => o.Recursive));
        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }
}
