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
        var format = new Option<string>("--format", "-o") { Description = "report format: text, json, sarif (code scanning), github (workflow annotations) or junit (GitLab, Jenkins)", DefaultValueFactory = _ => "text" }.OneOf("text", "json", "sarif", "github", "junit");
        var failOn = new Option<string?>("--fail-on") { Description = "exit 1 on findings of this severity or worse: error (default), warning, or none (report only; unreadable input still exits 2)" }.OneOf("error", "warning", "none");
        var disable = new Option<string[]>("--disable") { Description = "rule ids or names to skip (repeatable or comma-separated; 'manifestflow rules' lists them)", HelpName = "RULE" };
        var only = new Option<string[]>("--only") { Description = "report only these rule ids or names (repeatable or comma-separated)", HelpName = "RULE" };
        disable.CompletionSources.Add(_ => RuleCompletions());
        only.CompletionSources.Add(_ => RuleCompletions());
        var exclude = new Option<string[]>("--exclude") { Description = "leave out files and directories matching this glob (repeatable; 'charts/**', '*.json', 'legacy')", HelpName = "GLOB" };
        var skipKind = new Option<string[]>("--skip-kind") { Description = "do not check resources of this kind (repeatable or comma-separated)", HelpName = "KIND" };
        var config = RepositorySettingsLoader.ConfigOption();
        var crd = CrdOption.Create();
        var command = new Command("validate", "Check checkpoint, savepoint and HA directories, the operator's own rules and restore safety.")
        {
            paths, format, failOn, disable, only, exclude, skipKind, config, crd,
        };
        command.SetAction(result => Run(console, result.GetValue(paths) ?? [], result.GetValue(format) ?? "text", result.GetValue(failOn), result.GetValue(disable) ?? [], result.GetValue(only) ?? [],
            new Selection(result.GetValue(exclude) ?? [], result.GetValue(skipKind) ?? [], result.GetValue(config), result.GetValue(crd) ?? [])));
        return command;
    }

    /// <summary>What the run reads and checks beyond the rule flags: excludes, skipped kinds, the settings file, extra CRDs.</summary>
    private sealed record Selection(string[] Exclude, string[] SkipKinds, string? Config, string[] Crds);

    private static int Run(CliConsole console, string[] paths, string formatName, string? failOnName, string[] disable, string[] only, Selection selection)
    {
        var format = ParseFormat(formatName)!.Value;
        // none: the caller asked for a report only, and nothing in the inputs (a FlinkValidate) overrides that.
        var reportOnly = failOnName == "none";
        var failOn = failOnName is null or "none" ? (Severity?)null : ParseFailOn(failOnName);
        var disabled = RuleLookup.Resolve(disable);
        var selected = RuleLookup.Resolve(only);
        if (disabled.Errors.Select(e => "--disable: " + e).Concat(selected.Errors.Select(e => "--only: " + e)).ToList() is { Count: > 0 } unknown)
        {
            var reporter = new DiagnosticReporter(console.StandardError);
            unknown.ForEach(reporter.Note);
            return ExitCodes.UsageOrInput;
        }
        var settings = RepositorySettingsLoader.Load(console, selection.Config, out var settingsError);
        if (settingsError is { } stop)
        {
            return stop;
        }
        var limits = ReadLimits.Default;
        if (CrdOption.Load(selection.Crds, console, limits) is not { } schemas)
        {
            return ExitCodes.UsageOrInput;
        }
        var exclude = PathFilter.None.With(selection.Exclude, console.WorkingDirectory);
        if (settings is not null)
        {
            exclude = exclude.With(settings.Exclude, settings.Directory);
        }
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory) { Exclude = exclude }.Read(paths.Length == 0 ? ["."] : paths);
        var workspace = Workspace.Read(input.Files, limits, input.Errors, keepTrees: false);
        var flags = new RunConfiguration(failOn, disabled.Ids, selected.Ids) { SkipKinds = SkipKinds(selection.SkipKinds) };
        var outcome = Session.Validate(workspace, new Session.Request(flags) { Limits = limits, Schemas = schemas, Settings = settings });
        var report = new ValidationReport(outcome.Diagnostics, outcome.Files, outcome.Resources)
        {
            Suppressed = outcome.Suppressed,
            RulesOff = RulesOff(outcome.Configuration),
            FailOn = outcome.Configuration.EffectiveFailOn,
            Checked = outcome.Parsed.Select(r => (r.Document.File.Path, r.Ref)).ToList(),
            Skipped = new SkipCounts(outcome.NotResources, outcome.SkippedKinds,
                input.Skipped.Count(s => s.Reason == SkipReason.HelmChart), input.Skipped.Count(s => s.Reason == SkipReason.Excluded)),
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
        return outcome.Failed && !reportOnly ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static HashSet<string> SkipKinds(string[] values) =>
        values.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);

    private static DiagnosticFormat? ParseFormat(string name) => name switch
    {
        "text" => DiagnosticFormat.Text,
        "json" => DiagnosticFormat.Json,
        "sarif" => DiagnosticFormat.Sarif,
        "github" => DiagnosticFormat.Github,
        "junit" => DiagnosticFormat.Junit,
        _ => null,
    };

    private static Severity? ParseFailOn(string name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => null,
    };

    private static IEnumerable<string> RuleCompletions() => RuleCatalog.All.Select(r => r.Id).Concat(RuleCatalog.All.Select(r => r.Name));

    /// <summary>The rules this run turned off: disabled ones, and with --only every other (unreadable input cannot be turned off).</summary>
    private static HashSet<string> RulesOff(RunConfiguration configuration) =>
        RuleCatalog.All.Where(r => !r.InputUnreadable && (configuration.Disabled.Contains(r.Id) || (configuration.Only.Count > 0 && !configuration.Only.Contains(r.Id))))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
}
