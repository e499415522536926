using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Commands;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Planning;
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
        var settings = RepositorySettingsLoader.Load(console, null, out var settingsError);
        if (settingsError is { } stop)
        {
            return stop;
        }
        // The reader refuses links that lead outside the directory, and directories it cannot list.
        // Everything under the directory is rendered: a file left out (excluded, a chart) is a resource Argo CD prunes.
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory) { SkipHelmCharts = false }.Read([dir]);
        if (input.Errors.Count > 0)
        {
            return report.Fail(input.Errors, ExitCodes.UsageOrInput);
        }
        var workspace = Workspace.Read(input.Files, limits);
        if (workspace.ReadErrors.Count > 0)
        {
            return report.Fail(workspace.ReadErrors, ExitCodes.UsageOrInput);
        }
        var parameters = Parameters.Validate(out var parameterError);
        if (parameterError is not null)
        {
            return report.Usage(parameterError);
        }
        var outcome = Session.Execute(workspace, new Session.Request(RunConfiguration.Default) { ExtraConfigs = [.. parameters], OperationsFromInputs = true, Limits = limits, Settings = settings });
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
        var stream = Render(workspace, outcome);
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(stream));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Every resource but the config resources, as edited (format-preserving), then the new resources.</summary>
    private static string Render(Workspace workspace, ExecutionOutcome outcome)
    {
        var parts = new List<string>();
        foreach (var file in workspace.Documents.GroupBy(d => d.File))
        {
            var edited = outcome.EditedFiles.FirstOrDefault(f => ReferenceEquals(f.Original, file.Key));
            var documents = edited?.Documents ?? file.ToList();
            var text = edited?.Text ?? file.Key.Text;
            foreach (var document in documents)
            {
                // Only resources reach the cluster: another tool's file beside them (a kustomization.yaml, Helm
                // values) has no kind and would make Argo CD reject the whole stream; validation has already
                // failed the render for a resource that lost its kind.
                if (document.IsEmpty || FlinkResource.From(document) is not { } r || ConfigResource.IsConfigGroup(r))
                {
                    continue;
                }
                parts.Add(PlanEmitter.DocumentText(documents, document.Index, text));
            }
        }
        parts.AddRange(outcome.Created.Select(c => c.Resource.Yaml));
        return string.Join("---\n", parts);
    }
}
