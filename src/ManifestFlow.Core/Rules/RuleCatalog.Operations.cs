using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>Backup, restore and suspend — asked for on the command line or by a config resource — that cannot be made, or can but look wrong.</summary>
public static partial class RuleCatalog
{
    public static readonly Rule OperationRefused = new("MF0301", "operation-refused", Severity.Error, Operations,
        "A backup, restore or suspend cannot be made safely — the job is not running, the savepoint is not completed or belongs to another job, the target is missing or has validation errors, a file to write already exists — so nothing is written.",
        "Do what the message says (it names the field that prevents the operation), then run the command again.",
        Deployment(extra: "\nstatus:\n  jobManagerDeploymentStatus: DEPLOYING\n  jobStatus: {state: RECONCILING}"), Deployment(extra: RunningStatus))
    { Example = new("backup --deployment orders {example}", "deployment.yaml") };

    public static readonly Rule OperationWarning = new("MF0302", "operation-warning", Severity.Warning, Operations,
        "A backup, restore or suspend is made, but part of it is probably not what was meant, such as a restore path that is the savepoint directory itself rather than one savepoint inside it, or a restore from a snapshot the operator's history cleanup will delete. `restore` shows this in its plan; the KRM function and the Argo CD plugin report it under this id, and `review` a restore from an operator-created snapshot.",
        "Check the path: Flink restores from one savepoint's own directory, such as `.../savepoints/savepoint-<id>`.",
        RestoreConfig("savepointPath: s3://flink-state/orders/savepoints"), RestoreConfig("savepointPath: s3://flink-state/orders/savepoints/savepoint-1a2b3c"))
    { Example = Generate() };

    public static readonly Rule ConfigInvalid = new("MF0401", "config-invalid", Severity.Error, Configuration,
        "A ManifestFlow config resource (FlinkBackup, FlinkRestore, FlinkSuspend, FlinkValidate) cannot be used: an unknown field, a value of the wrong type, no target, both or neither of `fromSnapshot` and `savepointPath`, or two operations for one job. The KRM function and the Argo CD plugin stop without output.",
        "Fix the field the message names; docs/config.md and the JSON Schemas in schemas/ list every field.",
        RestoreConfig("savepointPth: s3://flink-state/orders/savepoints/savepoint-1a2b3c"), RestoreConfig("savepointPath: s3://flink-state/orders/savepoints/savepoint-1a2b3c"))
    { Example = Generate() };

    /// <summary>The Argo CD plugin's render of a directory holding a running deployment and the example config resource.</summary>
    private static CommandExample Generate() => new("generate .", "restore.yaml") { Files = [("deployment.yaml", Deployment(extra: RunningStatus))] };

    private static string RestoreConfig(string from) => $$"""
        apiVersion: manifestflow.io/v1alpha1
        kind: FlinkRestore
        metadata: {name: restore-orders, namespace: streaming}
        spec:
          target: {kind: FlinkDeployment, name: orders}
          {{from}}
        """;
}
