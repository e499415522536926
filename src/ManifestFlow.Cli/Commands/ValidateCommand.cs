using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Output;
using ManifestFlow.Core.Pipeline;
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
        var format = new Option<string>("--format", "-o") { Description = "text, json, sarif or github", DefaultValueFactory = _ => "text" };
        var failOn = new Option<string?>("--fail-on") { Description = "exit 1 on findings of this severity or worse: error (default) or warning" };
        var disable = new Option<string[]>("--disable") { Description = "rule ids to skip (repeatable or comma-separated)" };
        var only = new Option<string[]>("--only") { Description = "report only these rule ids (repeatable or comma-separated)" };
        var exclude = new Option<string[]>("--exclude") { Description = "leave out files and directories matching this glob (repeatable; 'charts/**', '*.json', 'legacy')" };
        var skipKind = new Option<string[]>("--skip-kind") { Description = "do not check resources of this kind (repeatable or comma-separated)" };
        var config = RepositorySettingsLoader.ConfigOption();
        var command = new Command("validate", "Check checkpoint, savepoint and HA directories, the operator's own rules and restore safety.")
        {
            paths, format, failOn, disable, only, exclude, skipKind, config,
        };
        command.SetAction(result => Run(console, result.GetValue(paths) ?? [], result.GetValue(format) ?? "text", result.GetValue(failOn), result.GetValue(disable) ?? [], result.GetValue(only) ?? [],
            new Selection(result.GetValue(exclude) ?? [], result.GetValue(skipKind) ?? [], result.GetValue(config))));
        return command;
    }

    /// <summary>What the run reads and checks beyond the rule flags: excludes, skipped kinds, the settings file.</summary>
    private sealed record Selection(string[] Exclude, string[] SkipKinds, string? Config);

    private static int Run(CliConsole console, string[] paths, string formatName, string? failOnName, string[] disable, string[] only, Selection selection)
    {
        if (ParseFormat(formatName) is not { } format)
        {
            return new DiagnosticReporter(console.StandardError).Usage($"--format takes text, json, sarif or github, not '{formatName}'");
        }
        var failOn = failOnName is null ? null : ParseFailOn(failOnName);
        if (failOnName is not null && failOn is null)
        {
            return new DiagnosticReporter(console.StandardError).Usage($"--fail-on takes error or warning, not '{failOnName}'");
        }
        var settings = RepositorySettingsLoader.Load(console, selection.Config, out var settingsError);
        if (settingsError is { } stop)
        {
            return stop;
        }
        var limits = ReadLimits.Default;
        var exclude = PathFilter.None.With(selection.Exclude, console.WorkingDirectory);
        if (settings is not null)
        {
            exclude = exclude.With(settings.Exclude, settings.Directory);
        }
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory) { Exclude = exclude }.Read(paths.Length == 0 ? ["."] : paths);
        var workspace = Workspace.Read(input.Files, limits, input.Errors);
        var flags = new RunConfiguration(failOn, Ids(disable), Ids(only)) { SkipKinds = Ids(selection.SkipKinds) };
        var outcome = Session.Validate(workspace, new Session.Request(flags) { Limits = limits, Settings = settings });
        var report = new ValidationReport(outcome.Diagnostics, outcome.Files, outcome.Resources)
        {
            Skipped = new SkipCounts(outcome.NotResources, outcome.SkippedKinds,
                input.Skipped.Count(s => s.Reason == SkipReason.HelmChart), input.Skipped.Count(s => s.Reason == SkipReason.Excluded)),
        };

        var output = DiagnosticRenderer.Render(report, format, console.WorkingDirectory, ToolVersion.Current);
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
        _ => null,
    };

    private static Severity? ParseFailOn(string name) => name.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => null,
    };

    private static HashSet<string> Ids(string[] values) =>
        values.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
}
