using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Operations;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary>
/// The command-line front end of backup, restore and suspend: reads the inputs into a workspace, runs the
/// pipeline, then writes exactly one output form — or nothing at all.
/// </summary>
internal static class OperationRunner
{
    public sealed record Options(string[] Paths, string Emit, string? Out, bool InPlace, string PlanFormat)
    {
        /// <summary>--force: write the overlay into a directory that already holds files.</summary>
        public bool Force { get; init; }

        public string? Config { get; init; }
    }

    public static int Run(CliConsole console, Options options, OperationRequest request)
    {
        var report = new DiagnosticReporter(console.StandardError);
        var limits = ReadLimits.Default;
        if (options.Emit == "kustomize" && string.IsNullOrEmpty(options.Out))
        {
            return report.Usage("--emit kustomize needs --out DIR");
        }
        if (options.InPlace && options.Emit == "kustomize")
        {
            return report.Usage("--in-place and --emit kustomize are alternatives");
        }
        if (options.Emit == "kustomize" && !options.Force && Path.GetFullPath(options.Out!, console.WorkingDirectory) is var overlay &&
            Directory.Exists(overlay) && Directory.EnumerateFileSystemEntries(overlay).Any())
        {
            return report.Usage($"--out {options.Out} is not empty; choose a new directory for the overlay, or pass --force to write into it (files of the same names are replaced)");
        }
        var settings = RepositorySettingsLoader.Load(console, options.Config, out var settingsError);
        if (settingsError is { } stop)
        {
            return stop;
        }
        var reader = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory);
        var input = reader.Read(options.Paths.Length == 0 ? ["."] : options.Paths);
        if (input.Errors.Count > 0)
        {
            return report.Fail(input.Errors, ExitCodes.UsageOrInput);
        }
        var references = SnapshotFile(request, reader, console.WorkingDirectory, limits, report, out var snapshotError);
        if (snapshotError is not null)
        {
            return snapshotError.Value;
        }
        var workspace = Workspace.Read(input.Files, limits);
        var outcome = Session.Execute(workspace, new Session.Request(RunConfiguration.Default) { Command = request, References = references, Limits = limits, Settings = settings });
        if (outcome.Failed)
        {
            return report.Fail(outcome.Findings.Where(outcome.Configuration.Fails), outcome.Unreadable ? ExitCodes.UsageOrInput : ExitCodes.Failed);
        }
        var plan = outcome.Plans[0];
        var written = Emit(console, options, workspace, outcome, plan, report);
        if (written != ExitCodes.Success)
        {
            return written;
        }
        console.StandardError.Write(options.PlanFormat == "json" ? PlanEmitter.PlanJsonText(plan) : PlanEmitter.PlanText(plan));
        return ExitCodes.Success;
    }

    private static int Emit(CliConsole console, Options options, Workspace workspace, ExecutionOutcome outcome, Plan plan, DiagnosticReporter report)
    {
        var original = workspace.Documents.Where(d => ReferenceEquals(d.File, plan.Target.Document.File)).ToList();
        var edited = outcome.EditedFileOf(plan);
        if (options.InPlace)
        {
            return WriteInPlace(plan, edited?.Text ?? plan.Target.Document.File.Text, console.WorkingDirectory, report);
        }
        if (options.Emit == "kustomize")
        {
            return WriteOverlay(console, plan, options.Out!, report);
        }
        var text = options.Emit == "patch"
            ? plan.Steps.Count == 0 && plan.NewResources.Count > 0 ? string.Join("---\n", plan.NewResources.Select(r => r.Yaml)) : PlanEmitter.PatchJson(plan)
            : PlanEmitter.Manifest(plan, edited?.Documents ?? original);
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(text));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }

    private static int WriteInPlace(Plan plan, string editedSource, string workingDirectory, DiagnosticReporter report)
    {
        var file = plan.Target.Document.File;
        if (file.Path == InputReader.StdinName)
        {
            return report.Usage("--in-place cannot edit standard input; name the manifest files");
        }
        var fullPath = Path.GetFullPath(file.Path, workingDirectory);
        var directory = Path.GetDirectoryName(fullPath)!;
        var creations = plan.NewResources.Select(r => (Path: Path.Combine(directory, r.FileName), r.Yaml)).ToList();
        foreach (var (path, yaml) in creations)
        {
            if (File.Exists(path) && File.ReadAllText(path) != yaml)
            {
                return report.Fail([new Diagnostic(Catalog.OperationRefused, Severity.Error, $"{path} already exists with other content; nothing was written", path)], ExitCodes.Failed);
            }
        }
        // The edited manifest and the new snapshot file go together: a snapshot without its restore, or the
        // reverse, is a half-made change.
        var transaction = new FileTransaction();
        if (!string.Equals(editedSource, file.Text, StringComparison.Ordinal))
        {
            transaction.Replace(fullPath, SourceDecoder.Encode(editedSource, file.HasBom), FileTransaction.Hash(SourceDecoder.Encode(file.Text, file.HasBom)));
        }
        foreach (var (path, yaml) in creations.Where(c => !File.Exists(c.Path)))
        {
            transaction.Create(path, Encoding.UTF8.GetBytes(yaml));
        }
        return Finish(transaction, report);
    }

    private static int WriteOverlay(CliConsole console, Plan plan, string outDirectory, DiagnosticReporter report)
    {
        var root = Path.GetFullPath(outDirectory, console.WorkingDirectory);
        if (File.Exists(root) && !Directory.Exists(root))
        {
            return report.Usage($"--out {outDirectory} is a file; name a directory for the overlay");
        }
        var names = PlanEmitter.KustomizeNameProblems(plan);
        if (names.Count > 0)
        {
            return report.Fail(names, ExitCodes.Failed);
        }
        var file = plan.Target.Document.File.Path;
        if (file == InputReader.StdinName)
        {
            return report.Usage("--emit kustomize references the manifest's file, and standard input has none; name the manifest files");
        }
        var resolution = OverlayBase.Resolve(Path.GetFullPath(file, console.WorkingDirectory), Path.TrimEndingDirectorySeparator(root));
        if (resolution.Entry is not { } entry)
        {
            var at = plan.Target.Document.LocationOf(JsonPointer.Root);
            return report.Fail([new Diagnostic(Catalog.OperationRefused, Severity.Error, $"cannot write a Kustomize overlay: {resolution.Problem}; nothing was written", at.File, at.Line, at.Column, Resource: plan.Target.Ref)], ExitCodes.Failed);
        }
        var files = PlanEmitter.Kustomize(plan, entry);
        foreach (var (name, _) in files)
        {
            var full = Path.GetFullPath(Path.Combine(root, name));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return report.Fail([new Diagnostic(Catalog.OperationRefused, Severity.Error, $"refusing to write {name} outside {root}", name)], ExitCodes.Failed);
            }
        }
        Directory.CreateDirectory(root);
        var transaction = new FileTransaction();
        foreach (var (name, content) in files)
        {
            transaction.Put(Path.Combine(root, name), Encoding.UTF8.GetBytes(content));
        }
        return Finish(transaction, report);
    }

    private static int Finish(FileTransaction transaction, DiagnosticReporter report)
    {
        var outcome = transaction.Commit();
        if (!outcome.Succeeded)
        {
            return report.NotWritten(outcome.Message);
        }
        foreach (var note in outcome.Notes)
        {
            report.Note(note);
        }
        return ExitCodes.Success;
    }

    /// <summary>--snapshot FILE: the snapshot's own manifest, read once, for lookup only.</summary>
    private static List<FlinkResource> SnapshotFile(OperationRequest request, InputReader reader, string workingDirectory, ReadLimits limits, DiagnosticReporter report, out int? error)
    {
        error = null;
        if (request is not RestoreRequest { Snapshot: { } value } || !File.Exists(Path.Combine(workingDirectory, value)))
        {
            return [];
        }
        var input = reader.Read([value]);
        var workspace = Workspace.Read(input.Files, limits, input.Errors);
        if (workspace.ReadErrors.Count > 0)
        {
            error = report.Fail(workspace.ReadErrors, ExitCodes.UsageOrInput);
            return [];
        }
        return workspace.Documents.Select(FlinkResource.From).OfType<FlinkResource>().Where(r => r.Kind == ResourceKind.FlinkStateSnapshot).ToList();
    }
}
