using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>Backup preconditions, restore safety and the GCP FlinkCluster's savepoint rules.</summary>
public static partial class RuleCatalog
{
    private const string RunningStatus = "\nstatus:\n  jobManagerDeploymentStatus: READY\n  jobStatus: {state: RUNNING}";
    private const string LastReconciled = "\nstatus:\n  jobManagerDeploymentStatus: READY\n  jobStatus: {state: RUNNING}\n  reconciliationStatus:\n    lastReconciledSpec: '{\"job\":{\"upgradeMode\":\"savepoint\",\"savepointRedeployNonce\":3,\"initialSavepointPath\":\"s3://flink-state/orders/savepoints/savepoint-1\"}}'";

    public static readonly Rule NotReadyForBackup = new("MF3001", "not-ready-for-backup", Severity.Info, Backup,
        "The status shows the JobManager is not READY or the job is not RUNNING, so a savepoint cannot be taken now (`backup` refuses).",
        "Back up while the job runs, or restore from the last completed savepoint.",
        Deployment(extra: "\nstatus:\n  jobManagerDeploymentStatus: DEPLOYING\n  jobStatus: {state: RECONCILING}"), Deployment(extra: RunningStatus));

    public static readonly Rule SnapshotNotCompleted = new("MF4001", "snapshot-not-completed", Severity.Warning, Restore,
        "A FlinkStateSnapshot's status is not COMPLETED, or has no path: there is nothing to restore from.",
        "Restore from a snapshot whose `status.state` is COMPLETED and whose `status.path` is set.",
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}\nstatus: {state: FAILED, error: timeout, failures: 3}"),
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}\nstatus: {state: COMPLETED, path: \"s3://flink-state/orders/savepoints/savepoint-caf2b2\"}"));

    public static readonly Rule DisposeOnDelete = new("MF4002", "snapshot-dispose-on-delete", Severity.Warning, Restore,
        "A savepoint FlinkStateSnapshot does not set `disposeOnDelete: false`; the default (true) deletes the savepoint files when the resource is deleted.",
        "Set `savepoint.disposeOnDelete: false` for savepoints kept as backups.",
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false}"),
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}"));

    public static readonly Rule SavepointOutsideDirectory = new("MF4003", "savepoint-outside-directory", Severity.Warning, Restore,
        "The savepoint to restore from (`initialSavepointPath`, or a snapshot's path) lies outside the configured savepoint directory.",
        "Check the path: a savepoint from another job or cluster restores the wrong state, and one outside managed storage may be cleaned up.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, initialSavepointPath: s3://other-bucket/savepoint-1}"),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-1}"));

    public static readonly Rule InitialPathIgnored = new("MF4004", "initial-savepoint-path-ignored", Severity.Error, Restore,
        "`initialSavepointPath` differs from the last reconciled spec but `savepointRedeployNonce` did not change: the operator reads the path only on first deployment or on a nonce change, so this edit silently does nothing.",
        "Also increase `savepointRedeployNonce` (`manifestflow restore` does this).",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, savepointRedeployNonce: 3, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-2}", extra: LastReconciled),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, savepointRedeployNonce: 4, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-2}", extra: LastReconciled));

    public static readonly Rule AllowNonRestoredState = new("MF4005", "allow-non-restored-state", Severity.Warning, Restore,
        "`allowNonRestoredState: true` lets a restore skip the state of operators that no longer exist: that state is dropped.",
        "Keep it only when operators were removed on purpose; otherwise remove it so a mismatched savepoint fails loudly.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, allowNonRestoredState: true}"), Deployment());

    public static readonly Rule RestoreFromIncompleteSnapshot = new("MF4008", "restore-from-incomplete-snapshot", Severity.Error, Restore,
        "`initialSavepointPath` is the path of a FlinkStateSnapshot whose `status.state` is not COMPLETED: the savepoint may be partial or missing, so the restore fails or restores the wrong state.",
        "Restore from a snapshot whose `status.state` is COMPLETED (`manifestflow restore --snapshot NAME` checks it).",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-caf2b2}") + "\n---\n" +
            Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}\nstatus: {state: FAILED, path: \"s3://flink-state/orders/savepoints/savepoint-caf2b2\"}"),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-caf2b2}") + "\n---\n" +
            Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}\nstatus: {state: COMPLETED, path: \"s3://flink-state/orders/savepoints/savepoint-caf2b2\"}"));

    public static readonly Rule StatelessDiscardsState = new("MF4006", "stateless-discards-state", Severity.Warning, Restore,
        "`upgradeMode` is `stateless` (the default) although the job is set up to keep state (a savepoint to start from, or state directories): every upgrade starts from empty state.",
        "Use `upgradeMode: savepoint` (or `last-state`).",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-1}"),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-1}"));

    public static readonly Rule CreatedSuspended = new("MF4007", "created-suspended", Severity.Info, Restore,
        "A FlinkDeployment without status is declared `state: suspended`: the operator does nothing for a resource created suspended, so tools waiting for it (Argo CD health) stay Progressing.",
        "Create it `running`, or expect no deployment until it is switched to running.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, state: suspended}"), Deployment());

    public static readonly Rule ClusterSavepointWithoutDir = new("MF5001", "flinkcluster-savepoint-needs-dir", Severity.Error, Cluster_,
        "A FlinkCluster asks for savepoints (`autoSavepointSeconds`, `savepointGeneration`, `takeSavepointOnUpgrade`) without `spec.job.savepointsDir`. The operator takes no savepoint without a directory (it skips the request silently), its webhook refuses the savepoint annotation, and it rejects every later update of the job.",
        "Set `spec.job.savepointsDir`.",
        Cluster("autoSavepointSeconds: 300"), Cluster("autoSavepointSeconds: 300\n    savepointsDir: gs://flink-state/wordcount/savepoints"))
    { OperatorMessage = "savepoint is not allowed without spec.job.savepointsDir" };

    public static readonly Rule ClusterSavepointGeneration = new("MF5002", "flinkcluster-savepoint-generation", Severity.Error, Cluster_,
        "`spec.job.savepointGeneration` is ahead of the status generation + 1. The webhook checks the field only when an update changes it, and then accepts only the status generation + 1; a spec behind the status is normal, because the status counts every savepoint the operator takes (`autoSavepointSeconds`, the savepoint annotation, updates). Offline the previous spec is unknown, so only a value no accepted update can produce is flagged, judged against the status the manifest carries.",
        "To take one savepoint, set it to `status.components.job.savepointGeneration` + 1; otherwise leave it unchanged.",
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints\n    savepointGeneration: 5", "\nstatus:\n  components:\n    job: {state: Running, savepointGeneration: 2}"),
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints\n    savepointGeneration: 1", "\nstatus:\n  components:\n    job: {state: Running, savepointGeneration: 2}"))
    { OperatorMessage = "you can only update savepointGeneration to %v" };

    public static readonly Rule ClusterRestartNeedsSavepoint = new("MF5003", "flinkcluster-restart-needs-savepoint", Severity.Warning, Cluster_,
        "`restartPolicy: FromSavepointOnFailure` without `savepointsDir` or any savepoint to restart from: a failed job restarts from empty state or is lost.",
        "Set `savepointsDir` (and `autoSavepointSeconds`), or `fromSavepoint`.",
        Cluster("autoSavepointSeconds: 300").Replace("restartPolicy: Never", "restartPolicy: FromSavepointOnFailure", StringComparison.Ordinal).Replace("\n    autoSavepointSeconds: 300", "", StringComparison.Ordinal),
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints\n    autoSavepointSeconds: 300").Replace("restartPolicy: Never", "restartPolicy: FromSavepointOnFailure", StringComparison.Ordinal));

    public static readonly Rule ClusterStaleFromSavepoint = new("MF5005", "flinkcluster-stale-from-savepoint", Severity.Warning, Cluster_,
        "`spec.job.fromSavepoint` is set. The operator restores from it not only when the cluster is created but on every later update of the job, in preference to the latest savepoint it took, so a value left in the manifest silently rolls the state back to that savepoint on the next change.",
        "Remove `fromSavepoint` once the job has started from it (the status records it in `status.components.job.fromSavepoint`); later updates then restore from the latest savepoint.",
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints\n    fromSavepoint: gs://flink-state/wordcount/savepoints/savepoint-1a2b", "\nstatus:\n  components:\n    job: {state: Running, fromSavepoint: gs://flink-state/wordcount/savepoints/savepoint-1a2b, savepointLocation: gs://flink-state/wordcount/savepoints/savepoint-3c4d}"),
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints", "\nstatus:\n  components:\n    job: {state: Running, fromSavepoint: gs://flink-state/wordcount/savepoints/savepoint-1a2b, savepointLocation: gs://flink-state/wordcount/savepoints/savepoint-3c4d}"));

    public static readonly Rule ClusterParallelism = new("MF5004", "flinkcluster-parallelism", Severity.Error, Cluster_,
        "A FlinkCluster job's `parallelism` is below 1.", "Set `spec.job.parallelism` to at least 1.",
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints").Replace("parallelism: 2", "parallelism: 0", StringComparison.Ordinal),
        Cluster("savepointsDir: gs://flink-state/wordcount/savepoints"))
    { OperatorMessage = "job parallelism must be >= 1" };
}
