using System.Text;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Output;

/// <summary>A rule's examples as Markdown, the same in docs/rules.md and in SARIF help, so the two cannot disagree.</summary>
public static class RuleExamples
{
    public static string Markdown(Rule rule)
    {
        if (rule.Example is not { } example)
        {
            return $"Triggers it:\n\n{Block("yaml", rule.Bad)}\n\nPasses:\n\n{Block("yaml", rule.Good)}";
        }
        var b = new StringBuilder();
        if (example.ExampleFile is { } file)
        {
            b.Append($"Run as `manifestflow {string.Join(' ', example.Arguments(file))}`");
            b.Append(example.Files.Count == 0 ? ".\n\n" : " in a directory holding:\n\n");
        }
        else if (example.Files.Count > 0)
        {
            b.Append("Run in a directory holding:\n\n");
        }
        foreach (var (path, text) in example.Files)
        {
            b.Append($"`{path}`:\n\n{Block(Language(path), text)}\n\n");
        }
        return b.Append(Case("Triggers it", example, rule.Bad)).Append("\n\n").Append(Case("Passes", example, rule.Good)).ToString();
    }

    /// <summary>The example as the file the command reads, or as the command line itself when it is part of it.</summary>
    private static string Case(string title, CommandExample example, string text) => example.ExampleFile is { } file
        ? $"{title} (`{file}`):\n\n{Block(Language(file), text)}"
        : $"{title}:\n\n{Block("sh", "manifestflow " + string.Join(' ', example.Arguments(text)))}";

    private static string Block(string language, string text) => $"```{language}\n{Visible(text)}\n```";

    private static string Language(string path) => path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml";

    /// <summary>
    /// Control characters (an example of MF0002 holds one) as their Unicode pictures (ESC as ␛): raw, they
    /// would be invisible or garble the page.
    /// </summary>
    private static string Visible(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            b.Append(c switch
            {
                '\n' or '\t' => c,
                < ' ' => (char)(0x2400 + c),
                '\u007f' => '\u2421',
                _ => c,
            });
        }
        return b.ToString();
    }
}
