using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Resources;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow apply</c>: a format-preserving <c>kubectl patch --local --type json</c>.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var patch = new Option<string>("--patch", "-p") { Description = "RFC 6902 JSON Patch file (JSON or YAML)", Required = true };
        var select = new Option<string[]>("--select") { Description = "apply only to KIND/NAME or KIND/NAMESPACE/NAME (repeatable)", AllowMultipleArgumentsPerToken = false };
        var inPlace = new Option<bool>("--in-place", "-i") { Description = "rewrite changed files atomically instead of printing the stream" };
        var files = new Argument<string[]>("FILES") { Description = "files or directories (*.yaml, *.yml, *.json), or - for stdin", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("apply", "Apply a JSON Patch to manifests, changing only the lines the patch changes.")
        {
            patch, select, inPlace, files,
        };
        command.SetAction(result => Run(console, result.GetValue(patch)!, result.GetValue(select) ?? [], result.GetValue(inPlace), result.GetValue(files) ?? []));
        return command;
    }

    private static int Run(CliConsole console, string patchPath, string[] selectTexts, bool inPlace, string[] paths)
    {
        var report = new DiagnosticReporter(console.StandardError);
        var limits = ReadLimits.Default;
        if (paths.Length == 0)
        {
            paths = ["-"];
        }
        if (inPlace && paths.Contains("-"))
        {
            return report.Usage("--in-place cannot rewrite standard input; name the files to edit");
        }
        var selectors = new List<ResourceSelector>();
        foreach (var text in selectTexts)
        {
            var selector = ResourceSelector.TryParse(text, out var error);
            if (selector is null)
            {
                return report.Usage($"--select {error}");
            }
            selectors.Add(selector);
        }
        var patchDocument = PatchFileReader.Read(patchPath, limits, console.OpenStandardInput, console.WorkingDirectory, out var patchErrors);
        if (patchDocument is null)
        {
            return report.Fail(patchErrors, ExitCodes.UsageOrInput); // a malformed patch is bad input, like malformed YAML
        }
        var reader = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory);
        var missing = new List<Diagnostic>();
        var inputs = reader.Locate(paths, missing);
        if (missing.Count > 0)
        {
            return report.Fail(missing, ExitCodes.UsageOrInput);
        }
        // Each file is read on the worker that patches it, so a large directory is never all in memory.
        var result = PatchApplication.Apply([.. inputs.Select(input => (Func<InputReader.Loaded>)(() => reader.Load(input)))], patchDocument, selectors, limits);
        if (!result.Succeeded)
        {
            var unreadable = result.Errors.Any(Catalog.IsUnreadableInput);
            return report.Fail(result.Errors, unreadable ? ExitCodes.UsageOrInput : ExitCodes.Failed);
        }
        if (inPlace)
        {
            var transaction = new FileTransaction();
            foreach (var file in result.Files.Where(f => f.Changed))
            {
                transaction.Replace(Path.GetFullPath(file.Path, console.WorkingDirectory), SourceDecoder.Encode(file.Text, file.HasBom), file.OriginalHash!);
            }
            var written = transaction.Commit();
            if (!written.Succeeded)
            {
                return report.NotWritten(written.Message);
            }
            foreach (var note in written.Notes)
            {
                report.Note(note);
            }
            console.StandardError.WriteLine($"manifestflow: {result.Files.Count(f => f.Changed)} of {result.Files.Count} files changed");
            return ExitCodes.Success;
        }
        StreamConcatenation.WriteTo(console.StandardOutput, result.Files);
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }
}
