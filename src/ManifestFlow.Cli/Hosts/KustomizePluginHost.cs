using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Kustomize;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// <c>manifestflow kustomize-plugin CONFIG_FILE</c>: what the shims <c>install-kustomize-plugins</c> lays out
/// run under <c>kubectl kustomize --enable-alpha-plugins</c>. Kustomize passes the plugin config as a file
/// and every resource on stdin, and reads stdout as the new resources. Hidden: users never type it.
/// Findings go to stderr; kubectl shows stderr only when the plugin fails, so a failure says everything there.
/// </summary>
internal static class KustomizePluginHost
{
    public const string Name = "kustomize-plugin";

    /// <summary>Findings point into kustomize's re-serialised stream, not a user's file: the name says so.</summary>
    private const string ResourcesName = "<resources from kustomize>";

    public static Command Create(CliConsole console)
    {
        var config = new Argument<string>("CONFIG_FILE") { Description = "the plugin config file kustomize writes" };
        var command = new Command(Name, "Kustomize exec plugin: apply the config in CONFIG_FILE to the resources on stdin.") { Hidden = true };
        command.Arguments.Add(config);
        command.SetAction(r => Run(console, r.GetValue(config)!));
        return command;
    }

    private static int Run(CliConsole console, string configPath)
    {
        var limits = ReadLimits.Default;
        var report = new DiagnosticReporter(console.StandardError);
        var reader = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory);
        var config = reader.Read([configPath]);
        var stdin = reader.Read(["-"]);
        if (config.Errors.Count > 0 || stdin.Errors.Count > 0)
        {
            return report.Fail([.. config.Errors, .. stdin.Errors], ExitCodes.UsageOrInput);
        }
        var resources = new SourceFile(ResourcesName, stdin.Files[0].Text, stdin.Files[0].HasBom);
        var result = KustomizeExecPlugin.Run(config.Files[0], resources, limits);
        foreach (var plan in result.Plans)
        {
            console.StandardError.Write(PlanEmitter.PlanText(plan));
        }
        if (result.Output is "" && result.Config is { } validate && KustomizationLists.ListsAsTransformer(console.WorkingDirectory, validate))
        {
            console.StandardError.WriteLine($"manifestflow: {validate.Ref.Kind} {validate.Name} is listed under transformers:; list it under validators: (a transformer that prints nothing makes kustomize delete every resource)");
            return ExitCodes.UsageOrInput;
        }
        if (result.Output is null)
        {
            report.Fail(result.Findings, ExitCodes.Failed);
            console.StandardError.WriteLine("manifestflow: the kustomize build fails here; no resources were written");
            return ExitCodes.Failed;
        }
        foreach (var finding in result.Findings)
        {
            console.StandardError.WriteLine(finding.ToString());
        }
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(result.Output));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }
}
