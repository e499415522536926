using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Operations;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow suspend</c>: the command-line definition of <see cref="SuspendOperation"/>.</summary>
internal static class SuspendCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("suspend", "Stop a job with a savepoint (Flink's stop-with-savepoint, as the operator does it): upgradeMode savepoint, state suspended.");
        var common = OperationOptions.AddTo(command);
        var lastState = new Option<bool>("--last-state") { Description = "stop the job keeping its HA metadata (upgradeMode last-state) instead of taking a savepoint; resume with restore --last-state" };
        command.Options.Add(lastState);
        command.SetAction(r => OperationRunner.Run(console, common.Output(r), new SuspendRequest(common.Target(r), common.TargetNamespace(r)) { Now = Clock.Now(), LastState = r.GetValue(lastState) }));
        return command;
    }
}
