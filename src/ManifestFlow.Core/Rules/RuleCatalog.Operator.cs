using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>The offline-checkable rules of the operator's DefaultValidator, quoting its messages.</summary>
public static partial class RuleCatalog
{
    public static readonly Rule CheckpointDirRequired = new("MF2001", "checkpoint-dir-required", Severity.Error, Operator,
        "`last-state` and `savepoint` upgrade modes need a checkpoint directory; the operator rejects the resource.",
        "Set `execution.checkpointing.dir` (or the older `state.checkpoints.dir`) in `flinkConfiguration`.",
        Deployment(config: "execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints"), Deployment())
    { OperatorMessage = "Checkpoint directory[execution.checkpointing.dir] must be defined for last-state and savepoint upgrade modes" };

    public static readonly Rule SavepointDirRequired = new("MF2002", "savepoint-dir-required", Severity.Error, Operator,
        "`upgradeMode: savepoint` needs a savepoint directory; the operator rejects the resource.",
        "Set `execution.checkpointing.savepoint-dir` (or the older `state.savepoints.dir`) in `flinkConfiguration`.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints"), Deployment())
    { OperatorMessage = "Job could not be upgraded with savepoint while config key[execution.checkpointing.savepoint-dir] is not set" };

    public static readonly Rule NonceNeedsSavepointDir = new("MF2003", "trigger-nonce-needs-savepoint-dir", Severity.Error, Operator,
        "`savepointTriggerNonce` asks for a savepoint, but no savepoint directory is configured.",
        "Set `execution.checkpointing.savepoint-dir`, or remove the nonce.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints", job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: stateless, savepointTriggerNonce: 1}"),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, savepointTriggerNonce: 1}"))
    { OperatorMessage = "Savepoint could not be manually triggered for the running job while config key[execution.checkpointing.savepoint-dir] is not set" };

    public static readonly Rule PeriodicNeedsSavepointDir = new("MF2004", "periodic-savepoints-need-savepoint-dir", Severity.Error, Operator,
        "Periodic savepoints are configured, but no savepoint directory is.",
        "Set `execution.checkpointing.savepoint-dir`, or remove `kubernetes.operator.periodic.savepoint.interval`.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    kubernetes.operator.periodic.savepoint.interval: 6h", job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: last-state}"),
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.operator.periodic.savepoint.interval: 6h"))
    { OperatorMessage = "Periodic savepoints cannot be enabled when config key[execution.checkpointing.savepoint-dir] is not set" };

    public static readonly Rule MaxAgeNeedsSavepointDir = new("MF2005", "checkpoint-age-needs-savepoint-dir", Severity.Error, Operator,
        "A maximum checkpoint age for last-state upgrades is set, but no savepoint directory to fall back to.",
        "Set `execution.checkpointing.savepoint-dir`.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age: 10m", job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: last-state}"),
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age: 10m"))
    { OperatorMessage = "In order to use max-checkpoint age functionality config key[execution.checkpointing.savepoint-dir] must be set to allow triggering savepoint upgrades." };

    public static readonly Rule TaskManagerReplicas = new("MF2006", "taskmanager-replicas", Severity.Error, Operator,
        "`taskManager.replicas` is below 1.", "Set at least one TaskManager replica.",
        Deployment(extra: "\n  # standalone mode\n  mode: standalone").Replace("taskManager: {resource:", "taskManager: {replicas: 0, resource:", StringComparison.Ordinal),
        Deployment().Replace("taskManager: {resource:", "taskManager: {replicas: 2, resource:", StringComparison.Ordinal))
    { OperatorMessage = "TaskManager replicas must be larger than 0" };

    public static readonly Rule JobParallelism = new("MF2007", "job-parallelism", Severity.Error, Operator,
        "Without `taskManager.replicas` the job's `parallelism` decides the cluster size and must be at least 1 (it defaults to 0).",
        "Set `spec.job.parallelism`, or `spec.taskManager.replicas`.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, upgradeMode: savepoint}"), Deployment())
    { OperatorMessage = "Job parallelism must be larger than 0" };

    public static readonly Rule RollbackNeedsHa = new("MF2008", "rollback-needs-ha", Severity.Error, Operator,
        "Deployment rollback is enabled without high availability.", "Enable HA (`high-availability.type: kubernetes` and a storage directory), or disable rollback.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.operator.deployment.rollback.enabled: true"),
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.operator.deployment.rollback.enabled: true\n    high-availability.type: kubernetes\n    high-availability.storageDir: s3://flink-state/orders/ha"))
    { OperatorMessage = "HA must be enabled for rollback support." };

    public static readonly Rule StandbyNeedsHa = new("MF2009", "standby-jobmanagers-need-ha", Severity.Error, Operator,
        "More than one JobManager replica without high availability.", "Enable HA, or run one JobManager.",
        Deployment(jobManager: "{replicas: 2, resource: {memory: 2048m, cpu: 1}}"),
        Deployment(jobManager: "{replicas: 2, resource: {memory: 2048m, cpu: 1}}", config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    high-availability.type: kubernetes\n    high-availability.storageDir: s3://flink-state/orders/ha"))
    { OperatorMessage = "High availability should be enabled when starting standby JobManagers." };

    public static readonly Rule JobManagerReplicas = new("MF2010", "jobmanager-replicas", Severity.Error, Operator,
        "`jobManager.replicas` is below 1.", "Run at least one JobManager.",
        Deployment(jobManager: "{replicas: 0, resource: {memory: 2048m, cpu: 1}}"), Deployment())
    { OperatorMessage = "JobManager replicas should not be configured less than one." };

    public static readonly Rule ForbiddenKey = new("MF2011", "forbidden-config-key", Severity.Error, Operator,
        "`kubernetes.namespace`, `kubernetes.cluster-id` and `high-availability.cluster-id` are set by the operator.", "Remove the key.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.cluster-id: orders"), Deployment())
    { OperatorMessage = "Forbidden Flink config key: <key>" };

    public static readonly Rule HealthCheckNeedsRecovery = new("MF2012", "health-check-needs-recovery", Severity.Error, Operator,
        "The cluster health check is enabled while JobManager deployment recovery is disabled.", "Enable `kubernetes.operator.jm-deployment-recovery.enabled`, or disable the health check.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.operator.cluster.health-check.enabled: true\n    kubernetes.operator.jm-deployment-recovery.enabled: false"),
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    kubernetes.operator.cluster.health-check.enabled: true"))
    { OperatorMessage = "Deployment recovery (kubernetes.operator.jm-deployment-recovery.enabled) must be enabled for job health check (kubernetes.operator.cluster.health-check.enabled) support." };

    public static readonly Rule RedeployNeedsPath = new("MF2013", "redeploy-nonce-needs-path", Severity.Error, Operator,
        "`savepointRedeployNonce` changed from the last reconciled spec (in `status`) but `initialSavepointPath` is empty, so there is nothing to redeploy from.",
        "Set `initialSavepointPath` to the savepoint to redeploy from.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, savepointRedeployNonce: 2}",
            extra: "\nstatus:\n  reconciliationStatus:\n    lastReconciledSpec: '{\"job\":{\"upgradeMode\":\"savepoint\",\"savepointRedeployNonce\":1,\"initialSavepointPath\":\"s3://flink-state/orders/savepoints/savepoint-1\"}}'"),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, savepointRedeployNonce: 2, initialSavepointPath: s3://flink-state/orders/savepoints/savepoint-2}",
            extra: "\nstatus:\n  reconciliationStatus:\n    lastReconciledSpec: '{\"job\":{\"upgradeMode\":\"savepoint\",\"savepointRedeployNonce\":1,\"initialSavepointPath\":\"s3://flink-state/orders/savepoints/savepoint-1\"}}'"))
    { OperatorMessage = "InitialSavepointPath must not be empty for savepoint redeployment" };

    public static readonly Rule FlinkVersionRequired = new("MF2014", "flink-version", Severity.Error, Operator,
        "`flinkVersion` is missing or older than the operator supports (v1_15).", "Set `spec.flinkVersion`, for example `v1_20`.",
        Deployment().Replace("  flinkVersion: v1_20\n", "", StringComparison.Ordinal), Deployment())
    { OperatorMessage = "Flink Version must be defined." };

    public static readonly Rule DeploymentName = new("MF2015", "deployment-name", Severity.Error, Operator,
        "The FlinkDeployment name is not a valid cluster id (lower case alphanumerics and '-', starting with a letter, at most 45 characters).",
        "Rename the resource.", Deployment(name: "Orders_Pipeline"), Deployment())
    { OperatorMessage = "The FlinkDeployment name: %s is invalid, must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123'), and the length must be no more than 45 characters." };

    public static readonly Rule ServiceAccountRequired = new("MF2016", "service-account", Severity.Error, Operator,
        "`spec.serviceAccount` is missing.", "Set it to the service account the operator's Helm chart created (usually `flink`).",
        Deployment().Replace("  serviceAccount: flink\n", "", StringComparison.Ordinal), Deployment())
    { OperatorMessage = "spec.serviceAccount must be defined. If you use helm, its value should be the same with the name of jobServiceAccount." };

    public static readonly Rule MemoryRequired = new("MF2017", "memory-required", Severity.Error, Operator,
        "JobManager or TaskManager memory is defined nowhere the operator looks: not in the role's `resource.memory`, not in `resources.requests.memory` or `resources.limits.memory`, and not in Flink's memory options in `flinkConfiguration` (`jobmanager.memory.process.size`, `jobmanager.memory.flink.size` or `jobmanager.memory.heap.size`; `taskmanager.memory.process.size`, `taskmanager.memory.flink.size`, or task heap and managed memory together). (`resources` is read only by operators built after release 1.15.0.)",
        "Set `spec.jobManager.resource.memory` / `spec.taskManager.resource.memory`, or the process size in `flinkConfiguration`.",
        Deployment(jobManager: "{resource: {cpu: 1}}"),
        Deployment(jobManager: "{resource: {cpu: 1}}", config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    jobmanager.memory.process.size: 2048m"))
    { OperatorMessage = "JobManager resource memory must be defined using `spec.jobManager.resource.memory` or `spec.jobManager.resources.requests.memory`" };

    public static readonly Rule SessionJobSpec = new("MF2018", "session-job", Severity.Error, Operator,
        "A FlinkSessionJob has no job, no `deploymentName`, or targets an application cluster (a FlinkDeployment with a job).",
        "Give the session job a `job` and the name of a session FlinkDeployment (one without `job`).",
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkSessionJob\nmetadata: {name: orders-job, namespace: streaming}\nspec:\n  deploymentName: orders\n  job: {jarURI: https://repo/orders.jar, parallelism: 2, upgradeMode: stateless}\n---\n" + Deployment(),
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkSessionJob\nmetadata: {name: orders-job, namespace: streaming}\nspec:\n  deploymentName: orders\n  job: {jarURI: https://repo/orders.jar, parallelism: 2, upgradeMode: savepoint}\n---\n" + Deployment().Replace("\n  job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint}", "", StringComparison.Ordinal))
    { OperatorMessage = "Can not submit session job to application cluster" };

    public static readonly Rule SnapshotKind = new("MF2030", "snapshot-one-kind", Severity.Error, Operator,
        "A FlinkStateSnapshot sets neither or both of `savepoint` and `checkpoint`.", "Set exactly one of them.",
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}"),
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}"))
    { OperatorMessage = "Exactly one of checkpoint or savepoint configurations has to be set." };

    public static readonly Rule SnapshotJobReference = new("MF2031", "snapshot-job-reference", Severity.Error, Operator,
        "A FlinkStateSnapshot has no `jobReference` (only an existing savepoint, `alreadyExists: true`, may omit it).", "Add `jobReference: {kind: FlinkDeployment, name: <job>}`.",
        Snapshot("savepoint: {alreadyExists: false, disposeOnDelete: false}"),
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}"))
    { OperatorMessage = "Job reference must be supplied for this snapshot" };

    public static readonly Rule SnapshotTargetMissing = new("MF2032", "snapshot-target-missing", Severity.Error, Operator,
        "A FlinkStateSnapshot the operator has not processed yet (no status, or `TRIGGER_PENDING`) refers to a job that the input does not hold, although it holds Flink resources of that namespace. As in the operator, a snapshot it already processed (for example COMPLETED) is not checked: its job may be gone while its savepoint stays usable.",
        "Fix `jobReference.name` / `kind`.",
        Snapshot("jobReference: {kind: FlinkDeployment, name: order}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}") + "\n---\n" + Deployment(),
        Snapshot("jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}") + "\n---\n" + Deployment())
    { OperatorMessage = "Target for snapshot %s/%s was not found" };
}
