using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// <c>manifestflow generate [DIR]</c>: an Argo CD config-management plugin. Prints the directory's manifests
/// with its config resources applied (the config resources themselves are not output) as one YAML
/// stream. Diagnostics only on stderr; on any error a non-zero exit and nothing on stdout, because an
/// empty stream would make Argo CD prune the application.
/// </summary>
internal static class ArgoCdPluginHost
{
    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string?>("DIR") { Description = "the application directory (default: the current directory, where Argo CD runs the plugin)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("generate", "Argo CD plugin: render the directory's manifests with its ManifestFlow config resources applied.") { dir };
        command.SetAction(r => Run(console, r.GetValue(dir) ?? "."));
        return command;
    }

    private static int Run(CliConsole console, string dir)
    {
        var report = new DiagnosticReporter(console.StandardError);
        var limits = ReadLimits.Default;
        var root = Path.GetFullPath(dir, console.WorkingDirectory);
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory).Read([dir]);
        var escaped = input.Files.Where(f => !Confined(Path.GetFullPath(f.Path, console.WorkingDirectory), root)).ToList();
        if (input.Errors.Count > 0 || escaped.Count > 0)
        {
            return report.Fail([.. input.Errors, .. escaped.Select(f => Catalog.Unreadable(f.Path, "a symbolic link leads outside the application directory; refusing to read it"))], ExitCodes.UsageOrInput);
        }
        var documents = new List<SourceDocument>();
        var readErrors = new List<Diagnostic>();
        foreach (var file in input.Files)
        {
            var read = YamlStreamReader.Read(file, limits);
            readErrors.AddRange(read.Errors);
            documents.AddRange(read.Documents);
        }
        if (readErrors.Count > 0)
        {
            return report.Fail(readErrors, ExitCodes.UsageOrInput);
        }
        var resources = documents.Select(FlinkResource.From).ToList();
        var configs = resources.OfType<FlinkResource>().Where(ConfigResource.IsConfigGroup).ToList();
        configs.AddRange(Parameters.Validate());
        var outcome = DeclarativeProcessor.Process(documents, configs, Clock.Now());
        foreach (var plan in outcome.Plans)
        {
            console.StandardError.Write(PlanEmitter.PlanText(plan));
        }
        foreach (var finding in outcome.Findings)
        {
            console.StandardError.WriteLine(finding.ToString());
        }
        if (outcome.Failed)
        {
            console.StandardError.WriteLine("manifestflow: nothing was generated (an empty stream would make Argo CD prune the application)");
            return ExitCodes.Failed;
        }
        var stream = Render(documents, resources, outcome, limits, out var errors);
        if (stream is null)
        {
            return report.Fail(errors, ExitCodes.Failed);
        }
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(stream));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Every manifest but the config resources, format-preserving, then the new resources.</summary>
    private static string? Render(List<SourceDocument> documents, List<FlinkResource?> resources, DeclarativeProcessor.Outcome outcome, ReadLimits limits, out IReadOnlyList<Diagnostic> errors)
    {
        errors = [];
        var parts = new List<string>();
        foreach (var group in documents.Select((d, i) => (d, i)).GroupBy(x => x.d.File))
        {
            var fileDocs = group.Select(x => x.d).ToList();
            var rewrite = SourceRewriter.Rewrite(group.Key, fileDocs, group.Select(x => outcome.Values[x.i]).ToList(), limits);
            if (!rewrite.Succeeded)
            {
                errors = rewrite.Errors;
                return null;
            }
            var reread = YamlStreamReader.Read(new SourceFile(group.Key.Path, rewrite.Text!), limits).Documents;
            foreach (var (document, index) in group)
            {
                if (document.IsEmpty || (resources[index] is { } r && ConfigResource.IsConfigGroup(r)))
                {
                    continue;
                }
                parts.Add(PlanEmitter.DocumentText(reread, document.Index, rewrite.Text!));
            }
        }
        parts.AddRange(outcome.Created.Select(c => c.Resource.Yaml));
        return string.Join("---\n", parts);
    }

    private static bool Confined(string path, string root)
    {
        var real = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        return real == root || real.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
