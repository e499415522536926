using System.Text.RegularExpressions;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ManifestFlow.Core.Review;

/// <summary>
/// Renders a Scriban review template in a sandbox. A user's <c>--template</c> runs in CI on every pull
/// request, so it gets bounded loops, recursion, output and regex time, no <c>include</c> (no template
/// loader: it cannot read files), and only the report model (<see cref="ReviewModel"/>) plus Scriban's
/// built-in functions, which touch no file, network or process.
/// </summary>
public static class ReviewTemplate
{
    /// <summary>Iterations of one loop: far above any review (one per job, risk or field), far below a hang.</summary>
    public const int LoopLimit = 100_000;

    public const int RecursiveLimit = 64;

    /// <summary>Characters of output: GitHub caps a comment at 65,536; 16 Mi leaves room for text reports.</summary>
    public const int OutputLimit = 16 * 1024 * 1024;

    /// <summary>The rendered text, or why there is none (a syntax error with its line, or a limit reached).</summary>
    public sealed record Result(string? Output, string? Error);

    public static Result Render(string text, string name, ScriptObject model)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            return new Result(null, string.Join("; ", template.Messages.Select(m => m.ToString())));
        }
        var context = new TemplateContext
        {
            LoopLimit = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            OutputLimit = OutputLimit,
            // A truncated report would look complete to a reviewer; fail instead.
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            // A misspelt variable is an error, not a silently empty cell.
            StrictVariables = true,
            TemplateLoader = null,
        };
        context.PushGlobal(model);
        try
        {
            return new Result(template.Render(context), null);
        }
        catch (Exception e) when (e is ScriptRuntimeException or RegexMatchTimeoutException)
        {
            return new Result(null, e.Message);
        }
    }
}
