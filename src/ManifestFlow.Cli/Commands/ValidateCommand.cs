using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Output;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow validate</c>: checks state directories, operator parity and restore safety.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATHS") { Description = "files or directories (*.yaml, *.yml, *.json), or - for stdin; default: the current directory", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<DiagnosticFormat>("--format", "-o") { Description = "text, json, sarif or github", DefaultValueFactory = _ => DiagnosticFormat.Text };
        var failOn = new Option<Severity>("--fail-on") { Description = "exit 1 on findings of this severity or worse: error or warning", DefaultValueFactory = _ => Severity.Error };
        var disable = new Option<string[]>("--disable") { Description = "rule ids to skip (repeatable or comma-separated)" };
        var only = new Option<string[]>("--only") { Description = "report only these rule ids (repeatable or comma-separated)" };
        var command = new Command("validate", "Check checkpoint, savepoint and HA directories, the operator's own rules and restore safety.")
        {
            paths, format, failOn, disable, only,
        };
        command.SetAction(result => Run(console, result.GetValue(paths) ?? [], result.GetValue(format), result.GetValue(failOn), result.GetValue(disable) ?? [], result.GetValue(only) ?? []));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, DiagnosticFormat format, Severity failOn, string[] disable, string[] only)
    {
        if (failOn == Severity.Info)
        {
            return new DiagnosticReporter(console.StandardError).Usage("--fail-on takes error or warning");
        }
        var disabled = Ids(disable);
        var onlyIds = Ids(only);
        var limits = ReadLimits.Default;
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory).Read(paths.Length == 0 ? ["."] : paths);
        var result = Validator.Validate(input.Files, limits, disabled);
        var diagnostics = input.Errors.Concat(result.Diagnostics)
            .Where(d => onlyIds.Count == 0 || onlyIds.Contains(d.RuleId) || Catalog.IsUnreadableInput(d)).ToList();
        diagnostics.Sort(Diagnostic.Compare);
        var report = new ValidationReport(diagnostics, input.Files.Count + input.Errors.Count, result.Resources);

        var output = DiagnosticRenderer.Render(report, format, console.WorkingDirectory);
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(output));
        console.StandardOutput.Flush();
        console.StandardError.WriteLine(report.Summary);

        if (input.Errors.Count > 0 || result.Unreadable)
        {
            return ExitCodes.UsageOrInput;
        }
        var failing = failOn == Severity.Warning ? report.Errors + report.Warnings : report.Errors;
        return failing > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static HashSet<string> Ids(string[] values) =>
        values.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
}
