using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Operations;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>backup</c>, <c>restore</c> and <c>suspend</c>: the seeds' procedures as one command each.</summary>
internal static class OperationCommands
{
    public static Command Create(CliConsole console, string name) => name switch
    {
        "backup" => Backup(console),
        "restore" => Restore(console),
        "suspend" => Suspend(console),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an operation"),
    };

    private sealed record Common(Argument<string[]> Paths, Option<string> Deployment, Option<string?> Namespace, Option<string> Emit, Option<string?> Out, Option<bool> InPlace, Option<string> PlanFormat);

    private static Common AddCommon(Command command)
    {
        var common = new Common(
            new Argument<string[]>("PATHS") { Description = "manifests: files, directories, or - for stdin; default: the current directory", Arity = ArgumentArity.ZeroOrMore },
            new Option<string>("--deployment", "-d") { Description = "the FlinkDeployment, FlinkSessionJob or FlinkCluster to act on", Required = true },
            new Option<string?>("--namespace", "-n") { Description = "its namespace, when the name is not unique" },
            new Option<string>("--emit") { Description = "manifest (changed and new documents), patch (RFC 6902) or kustomize (overlay in --out)", DefaultValueFactory = _ => "manifest" },
            new Option<string?>("--out") { Description = "directory for --emit kustomize" },
            new Option<bool>("--in-place", "-i") { Description = "edit the source files instead (new resources are written next to the target's file)" },
            new Option<string>("--plan") { Description = "plan on stderr: text or json", DefaultValueFactory = _ => "text" });
        command.Arguments.Add(common.Paths);
        command.Options.Add(common.Deployment);
        command.Options.Add(common.Namespace);
        command.Options.Add(common.Emit);
        command.Options.Add(common.Out);
        command.Options.Add(common.InPlace);
        command.Options.Add(common.PlanFormat);
        common.Emit.AcceptOnlyFromAmong("manifest", "patch", "kustomize");
        common.PlanFormat.AcceptOnlyFromAmong("text", "json");
        return common;
    }

    private static Command Backup(CliConsole console)
    {
        var command = new Command("backup", "Take a savepoint: a FlinkStateSnapshot (seed 001), a new savepointTriggerNonce (seed 000), or savepointGeneration + 1 for a FlinkCluster (seed 002).");
        var common = AddCommon(command);
        var method = new Option<string?>("--method") { Description = "snapshot (default) or nonce" };
        method.AcceptOnlyFromAmong("snapshot", "nonce");
        var name = new Option<string?>("--snapshot-name") { Description = "name of the new FlinkStateSnapshot (default <target>-backup-<UTC yyyyMMdd-HHmmss>, time from SOURCE_DATE_EPOCH when set)" };
        var nonce = new Option<long?>("--nonce") { Description = "savepointTriggerNonce to use; refused if already used" };
        command.Options.Add(method);
        command.Options.Add(name);
        command.Options.Add(nonce);
        command.SetAction(r => OperationRunner.Run(console, Options(r, common), new BackupRequest(r.GetValue(common.Deployment)!, r.GetValue(common.Namespace))
        {
            Now = Clock.Now(),
            Method = BackupOperation.ParseMethod(r.GetValue(method)),
            SnapshotName = r.GetValue(name),
            Nonce = r.GetValue(nonce),
        }));
        return command;
    }

    private static Command Restore(CliConsole console)
    {
        var command = new Command("restore", "Restore a job from a FlinkStateSnapshot or a savepoint path (seeds 000, 001, 002), optionally re-creating it on a new cluster.");
        var common = AddCommon(command);
        var snapshot = new Option<string?>("--snapshot") { Description = "a FlinkStateSnapshot name in the inputs, or a file holding one" };
        var path = new Option<string?>("--savepoint-path") { Description = "the savepoint URI to restore from" };
        var allow = new Option<bool>("--allow-non-restored-state") { Description = "allow dropping the state of operators that no longer exist" };
        var recreate = new Option<bool>("--recreate") { Description = "disaster recovery: the saved manifest without status and server-set metadata, for a new cluster" };
        var restart = new Option<bool>("--restart-from-savepoint") { Description = "FlinkCluster: also set restartPolicy: FromSavepointOnFailure" };
        var paimon = new Option<string[]>("--paimon-table") { Description = "DB.TABLE of a Paimon sink to roll back to the savepoint's tag first (repeatable)" };
        foreach (var option in new Option[] { snapshot, path, allow, recreate, restart, paimon })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(r =>
        {
            if (r.GetValue(snapshot) is not null && r.GetValue(path) is not null)
            {
                r.AddError("--snapshot and --savepoint-path are alternatives; give one");
            }
        });
        command.SetAction(r => OperationRunner.Run(console, Options(r, common), new RestoreRequest(r.GetValue(common.Deployment)!, r.GetValue(common.Namespace))
        {
            Now = Clock.Now(),
            Snapshot = r.GetValue(snapshot),
            SavepointPath = r.GetValue(path),
            AllowNonRestoredState = r.GetValue(allow),
            Recreate = r.GetValue(recreate),
            RestartFromSavepoint = r.GetValue(restart),
            PaimonTables = r.GetValue(paimon) ?? [],
        }));
        return command;
    }

    private static Command Suspend(CliConsole console)
    {
        var command = new Command("suspend", "Stop a job with a savepoint (seeds 003/004): upgradeMode savepoint, state suspended.");
        var common = AddCommon(command);
        command.SetAction(r => OperationRunner.Run(console, Options(r, common), new SuspendRequest(r.GetValue(common.Deployment)!, r.GetValue(common.Namespace)) { Now = Clock.Now() }));
        return command;
    }

    private static OperationRunner.Options Options(ParseResult r, Common common) =>
        new(r.GetValue(common.Paths) ?? [], r.GetValue(common.Emit)!, r.GetValue(common.Out), r.GetValue(common.InPlace), r.GetValue(common.PlanFormat)!);
}
