using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Commands;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Krm;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// <c>manifestflow fn</c>: a KRM function for kpt and kustomize. ResourceList in on stdin, ResourceList out
/// on stdout (with results), exit 1 when any result is an error — the orchestrator decides by exit code.
/// </summary>
internal static class KrmFunctionHost
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("fn", "Run as a KRM function: read a ResourceList on stdin, apply its functionConfig, write the ResourceList to stdout.");
        command.SetAction(_ => Run(console));
        return command;
    }

    private static int Run(CliConsole console)
    {
        var limits = ReadLimits.Default;
        var settings = RepositorySettingsLoader.Load(console, null, out var settingsError);
        if (settingsError is { } stop)
        {
            return stop;
        }
        var input = new InputReader(limits, console.OpenStandardInput).Read(["-"]);
        if (input.Errors.Count > 0)
        {
            return new DiagnosticReporter(console.StandardError).Fail(input.Errors, ExitCodes.UsageOrInput);
        }
        var result = KrmResourceList.Run(input.Files[0], limits, settings);
        foreach (var plan in result.Plans)
        {
            console.StandardError.Write(PlanEmitter.PlanText(plan));
        }
        if (result.Output is null)
        {
            return new DiagnosticReporter(console.StandardError).Fail(result.Findings, ExitCodes.UsageOrInput);
        }
        foreach (var finding in result.Findings)
        {
            console.StandardError.WriteLine(finding.ToString());
        }
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(result.Output));
        console.StandardOutput.Flush();
        return result.Failed ? ExitCodes.Failed : ExitCodes.Success;
    }
}
