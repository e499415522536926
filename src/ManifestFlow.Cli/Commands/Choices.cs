using System.CommandLine;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Cli.Commands;

/// <summary>
/// An option that takes one of a few words. Help shows them (<c>--format &lt;text|json|sarif|github&gt;</c>),
/// shell completion offers them, and a value outside them is a usage error naming them and the nearest:
/// System.CommandLine's own AcceptOnlyFromAmong says "not recognized" without a suggestion.
/// </summary>
internal static class Choices
{
    public static TOption OneOf<TOption>(this TOption option, params string[] values) where TOption : Option
    {
        option.HelpName = string.Join('|', values);
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !values.Contains(t.Value, StringComparer.Ordinal)))
            {
                result.AddError(NotOneOf(option.Name, token.Value, values));
            }
        });
        return option;
    }

    public static Argument<T> OneOf<T>(this Argument<T> argument, params string[] values)
    {
        argument.HelpName = string.Join('|', values);
        argument.CompletionSources.Add(values);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !values.Contains(t.Value, StringComparer.Ordinal)))
            {
                result.AddError(NotOneOf(argument.Name, token.Value, values));
            }
        });
        return argument;
    }

    /// <summary>"--fail-on takes error, warning or none, not 'warnings'; did you mean warning?"</summary>
    public static string NotOneOf(string what, string value, IReadOnlyList<string> values)
    {
        var nearest = Suggestions.Nearest(value, values);
        var listed = values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
        return $"{what} takes {listed}, not '{value}'{(nearest is null ? "" : $"; did you mean {nearest}?")}";
    }
}
