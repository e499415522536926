using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Output;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow validate</c>: checks state directories, operator parity and restore safety.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATHS") { Description = "files or directories (*.yaml, *.yml, *.json), or - for stdin; default: the current directory", Arity = ArgumentArity.ZeroOrMore };
        // String options parsed here, not Option<enum>: System.CommandLine's generic code over an enum of
        // ours cannot be precompiled and was jitted (20 methods) on every start.
        var format = new Option<string>("--format", "-o") { Description = "text, json, sarif, github or junit", DefaultValueFactory = _ => "text" };
        var failOn = new Option<string?>("--fail-on") { Description = "exit 1 on findings of this severity or worse: error (default) or warning" };
        var disable = new Option<string[]>("--disable") { Description = "rule ids to skip (repeatable or comma-separated)" };
        var only = new Option<string[]>("--only") { Description = "report only these rule ids (repeatable or comma-separated)" };
        var command = new Command("validate", "Check checkpoint, savepoint and HA directories, the operator's own rules and restore safety.")
        {
            paths, format, failOn, disable, only,
        };
        command.SetAction(result => Run(console, result.GetValue(paths) ?? [], result.GetValue(format) ?? "text", result.GetValue(failOn), result.GetValue(disable) ?? [], result.GetValue(only) ?? []));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string formatName, string? failOnName, string[] disable, string[] only)
    {
        if (ParseFormat(formatName) is not { } format)
        {
            return new DiagnosticReporter(console.StandardError).Usage($"--format takes text, json, sarif, github or junit, not '{formatName}'");
        }
        var failOn = failOnName is null ? null : ParseFailOn(failOnName);
        if (failOnName is not null && failOn is null)
        {
            return new DiagnosticReporter(console.StandardError).Usage($"--fail-on takes error or warning, not '{failOnName}'");
        }
        var limits = ReadLimits.Default;
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory).Read(paths.Length == 0 ? ["."] : paths);
        var workspace = Workspace.Read(input.Files, limits, input.Errors, keepTrees: false);
        var outcome = Session.Validate(workspace, new Session.Request(new RunConfiguration(failOn, Ids(disable), Ids(only))) { Limits = limits });
        var report = new ValidationReport(outcome.Diagnostics, outcome.Files, outcome.Resources)
        {
            Suppressed = outcome.Suppressed,
            RulesOff = RulesOff(outcome.Configuration),
            FailOn = outcome.Configuration.EffectiveFailOn,
            Checked = outcome.Parsed.Select(r => (r.Document.File.Path, r.Ref)).ToList(),
        };

        // Text and JSON name files as typed; the reports tools place on a repository's files use its root.
        var reportPaths = new ReportPaths(console.WorkingDirectory, ReportRoot.Of(console.WorkingDirectory));
        var output = DiagnosticRenderer.Render(report, format, reportPaths, ToolVersion.Current);
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(output));
        console.StandardOutput.Flush();
        console.StandardError.WriteLine(report.Summary);

        if (input.Errors.Count > 0 || outcome.Unreadable)
        {
            return ExitCodes.UsageOrInput;
        }
        return outcome.Failed ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static DiagnosticFormat? ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "text" => DiagnosticFormat.Text,
        "json" => DiagnosticFormat.Json,
        "sarif" => DiagnosticFormat.Sarif,
        "github" => DiagnosticFormat.Github,
        "junit" => DiagnosticFormat.Junit,
        _ => null,
    };

    private static Severity? ParseFailOn(string name) => name.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => null,
    };

    /// <summary>The rules this run turned off: disabled ones, and with --only every other (unreadable input cannot be turned off).</summary>
    private static HashSet<string> RulesOff(RunConfiguration configuration) =>
        RuleCatalog.All.Where(r => !r.InputUnreadable && (configuration.Disabled.Contains(r.Id) || (configuration.Only.Count > 0 && !configuration.Only.Contains(r.Id))))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Ids(string[] values) =>
        values.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
}
