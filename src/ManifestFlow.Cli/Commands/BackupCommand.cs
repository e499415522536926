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
        var command = new Command("backup", "Take a savepoint (or checkpoint) of a running job: a new FlinkStateSnapshot (operator 1.10+), a new savepointTriggerNonce (IBM Event Processing's backup procedure) or a FlinkCluster's savepointGeneration + 1; --periodic turns on periodic savepoints.");
        var common = OperationOptions.AddTo(command);
        var method = new Option<string?>("--method") { Description = "snapshot (default) or nonce" };
        method.OneOf("snapshot", "nonce");
        var name = new Option<string?>("--snapshot-name") { Description = "name of the new FlinkStateSnapshot (default <target>-backup-<UTC yyyyMMdd-HHmmss>, time from SOURCE_DATE_EPOCH when set)" };
        var nonce = new Option<long?>("--nonce") { Description = "savepointTriggerNonce to use; refused if already used" };
        var checkpoint = new Option<bool>("--checkpoint") { Description = "a checkpoint instead of a savepoint: a FlinkStateSnapshot with spec.checkpoint, or with --method nonce a new checkpointTriggerNonce (Flink 1.17+)" };
        var format = new Option<string?>("--format-type") { Description = "snapshot method: the savepoint format, CANONICAL (the operator's default) or NATIVE" };
        format.AcceptOnlyFromAmong("CANONICAL", "NATIVE");
        var backoff = new Option<long?>("--backoff-limit") { Description = "snapshot method: retries of a failed snapshot, -1 for ever (the operator's default), 0 none" };
        var dir = new Option<string?>("--savepoint-dir") { Description = "snapshot method: write the savepoint here (the snapshot's spec.savepoint.path), also when the job has no savepoint directory" };
        var periodic = new Option<string?>("--periodic") { Description = "turn on the operator's periodic savepoints every INTERVAL (a Flink duration: 6h, 30 min); a FlinkCluster gets autoSavepointSeconds" };
        var maxCount = new Option<long?>("--history-max-count") { Description = "with --periodic: keep at most N operator-created savepoints (kubernetes.operator.savepoint.history.max.count)" };
        var maxAge = new Option<string?>("--history-max-age") { Description = "with --periodic: delete operator-created savepoints older than this Flink duration (kubernetes.operator.savepoint.history.max.age)" };
        foreach (var option in new Option[] { method, name, nonce, checkpoint, format, backoff, dir, periodic, maxCount, maxAge })
        {
            command.Options.Add(option);
        }
        command.SetAction(r => OperationRunner.Run(console, common.Output(r), new BackupRequest(common.Target(r), common.TargetNamespace(r))
        {
            Now = Clock.Now(),
            Method = BackupOperation.ParseMethod(r.GetValue(method)),
            SnapshotName = r.GetValue(name),
            Nonce = r.GetValue(nonce),
            Checkpoint = r.GetValue(checkpoint),
            FormatType = r.GetValue(format),
            BackoffLimit = r.GetValue(backoff),
            SavepointDir = r.GetValue(dir),
            Periodic = r.GetValue(periodic),
            HistoryMaxCount = r.GetValue(maxCount),
            HistoryMaxAge = r.GetValue(maxAge),
        }));
        return command;
    }
}
