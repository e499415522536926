using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Risks only a change can show: `manifestflow review` compares the tree before a pull request with the
/// tree after it. The examples are the tree after; the tree before is the base file of each example.
/// </summary>
public static partial class RuleCatalog
{
    private const string SavepointsJob = "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint";

    public static readonly Rule DirectoryMovedUnderRunningJob = new("MR001", "directory-moved-under-running-job", Severity.Warning, Reviews,
        "A checkpoint, savepoint or HA storage directory changes while the job runs: the existing checkpoints, savepoints and HA metadata stay in the old place, so a last-state upgrade or a restore from the latest checkpoint will not find them.",
        "Take a savepoint and suspend the job first; move the directory in a later change and restore from that savepoint explicitly.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints-v2", extra: RunningStatus),
        Deployment(job: SavepointsJob + ", state: suspended}", extra: RunningStatus))
    { Example = Review("deployment.yaml", Deployment(extra: RunningStatus)) };

    public static readonly Rule TriggerNonceReused = new("MR002", "trigger-nonce-reused", Severity.Error, Reviews,
        "`savepointTriggerNonce` is set to a value the job has used before (in its spec or its savepoint history): the operator triggers a savepoint only on a new value, so no backup is taken.",
        "Use a value above every one used so far (`manifestflow backup --method nonce` picks one).",
        Deployment(job: SavepointsJob + ", savepointTriggerNonce: 5}", extra: TriggeredStatus),
        Deployment(job: SavepointsJob + ", savepointTriggerNonce: 6}", extra: TriggeredStatus))
    { Example = Review("deployment.yaml", Deployment(job: SavepointsJob + ", savepointTriggerNonce: 3}", extra: TriggeredStatus)) };

    public static readonly Rule NonceLowered = new("MR003", "nonce-lowered", Severity.Warning, Reviews,
        "A nonce (`savepointTriggerNonce`, `checkpointTriggerNonce`, `savepointRedeployNonce`) is lowered: a value used before may be taken for an old request, and the change may do nothing.",
        "Use a value above every one used so far (`manifestflow restore` raises `savepointRedeployNonce` for you).",
        Deployment(job: SavepointsJob + ", savepointRedeployNonce: 2, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-2}", extra: RunningStatus),
        Deployment(job: SavepointsJob + ", savepointRedeployNonce: 5, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-2}", extra: RunningStatus))
    { Example = Review("deployment.yaml", Deployment(job: SavepointsJob + ", savepointRedeployNonce: 4, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-1}", extra: RunningStatus)) };

    public static readonly Rule ResourceDeleted = new("MR004", "resource-deleted", Severity.Warning, Reviews,
        "A Flink resource is deleted. Deleting a FlinkStateSnapshot deletes its savepoint files unless it sets `disposeOnDelete: false`; deleting a job removes its checkpoint and status information, and a re-created job starts from empty state unless it sets `initialSavepointPath`.",
        "Keep a snapshot while its savepoint may be needed; before deleting a job, make sure a completed savepoint exists.",
        Deployment(extra: RunningStatus), WithSnapshot)
    { Example = Review("manifests.yaml", WithSnapshot) };

    public static readonly Rule SuppressionAdded = new("MR005", "suppression-added", Severity.Error, Reviews,
        "The change adds or changes a `manifestflow.io/ignore` suppression. A change that silences its own findings would pass the gate unreviewed, so review reports the suppression and every finding it hides.",
        "Add the suppression in a change of its own, reviewed on its own; then later changes to the resource are checked with it in place.",
        Deployment(name: "orders, annotations: {manifestflow.io/ignore: \"MF4005: operators were removed on purpose\"}", job: SavepointsJob + ", allowNonRestoredState: true}"),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 3, upgradeMode: savepoint}"))
    { Example = Review("deployment.yaml", Deployment()) };

    /// <summary>A savepoint taken by trigger nonce 5 (the spec's nonce was 3 before).</summary>
    private const string TriggeredStatus = "\nstatus:\n  jobManagerDeploymentStatus: READY\n  jobStatus:\n    state: RUNNING\n    savepointInfo:\n      lastSavepoint: {location: s3://flink-state/orders/savepoints/savepoint-5, triggerNonce: 5, triggerType: MANUAL}";

    private static string WithSnapshot => Deployment(extra: RunningStatus) + "\n---\n" + Snapshot(
        "jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}\nstatus: {state: COMPLETED, path: \"s3://flink-state/orders/savepoints/savepoint-caf2b2\"}");

    private static CommandExample Review(string file, string before) =>
        new("review --base base --head head --format json", "head/" + file) { Files = [("base/" + file, before)] };
}
