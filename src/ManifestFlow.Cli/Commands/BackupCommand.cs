using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Operations;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow backup</c>: the command-line definition of <see cref="BackupOperation"/>.</summary>
internal static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("backup", "Take a savepoint of a running job: a new FlinkStateSnapshot (Flink Kubernetes operator 1.10+), a new savepointTriggerNonce (IBM Event Processing's backup procedure), or savepointGeneration + 1 for a FlinkCluster.");
        var common = OperationOptions.AddTo(command);
        var method = new Option<string?>("--method") { Description = "snapshot (default) or nonce" };
        method.OneOf("snapshot", "nonce");
        var name = new Option<string?>("--snapshot-name") { Description = "name of the new FlinkStateSnapshot (default <target>-backup-<UTC yyyyMMdd-HHmmss>, time from SOURCE_DATE_EPOCH when set)" };
        var nonce = new Option<long?>("--nonce") { Description = "savepointTriggerNonce to use; refused if already used" };
        command.Options.Add(method);
        command.Options.Add(name);
        command.Options.Add(nonce);
        command.SetAction(r => OperationRunner.Run(console, common.Output(r), new BackupRequest(common.Target(r), common.TargetNamespace(r))
        {
            Now = Clock.Now(),
            Method = BackupOperation.ParseMethod(r.GetValue(method)),
            SnapshotName = r.GetValue(name),
            Nonce = r.GetValue(nonce),
        }));
        return command;
    }
}
