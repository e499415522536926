using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Operations;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow restore</c>: the command-line definition of <see cref="RestoreOperation"/>.</summary>
internal static class RestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("restore", "Restore a job from a completed FlinkStateSnapshot or a savepoint path so that the operator really uses it, or re-create it on a new cluster; FlinkClusters through fromSavepoint.");
        var common = OperationOptions.AddTo(command);
        var snapshot = new Option<string?>("--snapshot") { Description = "a FlinkStateSnapshot name in the inputs, or a file holding one" };
        var path = new Option<string?>("--savepoint-path") { Description = "the savepoint URI to restore from" };
        var allow = new Option<bool>("--allow-non-restored-state") { Description = "allow dropping the state of operators that no longer exist" };
        var recreate = new Option<bool>("--recreate") { Description = "disaster recovery: the saved manifest without status and server-set metadata, for a new cluster" };
        var restart = new Option<bool>("--restart-from-savepoint") { Description = "FlinkCluster: also set restartPolicy: FromSavepointOnFailure" };
        var paimon = new Option<string[]>("--paimon-table") { Description = "DB.TABLE of a Paimon sink to roll back to the savepoint's tag first (repeatable)" };
        var latest = new Option<bool>("--latest") { Description = "the newest COMPLETED snapshot of the job among the inputs, or savepoint in its status" };
        var lastState = new Option<bool>("--last-state") { Description = "resume a last-state suspended FlinkDeployment from its HA metadata: state running, no savepoint path" };
        foreach (var option in new Option[] { snapshot, path, latest, lastState, allow, recreate, restart, paimon })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(r =>
        {
            var given = new[] { r.GetValue(snapshot) is not null, r.GetValue(path) is not null, r.GetValue(latest), r.GetValue(lastState) }.Count(x => x);
            if (given > 1)
            {
                r.AddError("--snapshot, --savepoint-path, --latest and --last-state are alternatives; give one");
            }
        });
        command.SetAction(r => OperationRunner.Run(console, common.Output(r), new RestoreRequest(common.Target(r), common.TargetNamespace(r))
        {
            Now = Clock.Now(),
            Snapshot = r.GetValue(snapshot),
            SavepointPath = r.GetValue(path),
            AllowNonRestoredState = r.GetValue(allow),
            Recreate = r.GetValue(recreate),
            RestartFromSavepoint = r.GetValue(restart),
            PaimonTables = r.GetValue(paimon) ?? [],
            Latest = r.GetValue(latest),
            LastState = r.GetValue(lastState),
        }));
        return command;
    }
}
