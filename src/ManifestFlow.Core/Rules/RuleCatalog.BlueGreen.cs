using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Blue/green deployments, the operator's rules for changing a deployed spec, and storage the operator
/// cannot see (it never looks at volumes, claims or which Flink reads which key).
/// </summary>
public static partial class RuleCatalog
{
    public static readonly Rule BlueGreenTemplate = new("MF2040", "bluegreen-template", Severity.Error, Operator,
        "A FlinkBlueGreenDeployment has no `spec.template.spec`. The blue/green controller makes its FlinkDeployments (`NAME-blue`, `NAME-green`) from that template and compares it on every change (FlinkBlueGreenDeploymentSpecDiff); without it there is nothing to deploy.",
        "Move the FlinkDeployment's `spec` under `spec.template.spec`.",
        BlueGreen(template: "{}"), BlueGreen())
    { OperatorMessage = "Right spec template.spec cannot be null" };

    public static readonly Rule BlueGreenNeedsSavepointDir = new("MF2041", "bluegreen-transition-needs-savepoint-dir", Severity.Error, Operator,
        "A blue/green deployment whose template has `upgradeMode: last-state` has no savepoint directory. The blue/green controller takes a savepoint of the active child before every transition in any mode but stateless (BlueGreenUtils.isSavepointRequired) and needs the savepoint directory for it (BlueGreenUtils.triggerSavepoint); without one every transition fails, although a plain FlinkDeployment in last-state mode would not need it.",
        "Set `execution.checkpointing.savepoint-dir` (or `state.savepoints.dir`) in the template's `flinkConfiguration`.",
        BlueGreen(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints", mode: "last-state"), BlueGreen(mode: "last-state"));

    public static readonly Rule FlinkVersionAfterLastStateSuspend = new("MF2050", "flink-version-after-last-state-suspend", Severity.Error, Operator,
        "`flinkVersion` changes while the job is suspended with `upgradeMode: last-state` (compared with `status.reconciliationStatus.lastReconciledSpec` in `validate`, with the base tree in `review`). The HA metadata the job resumes from was written by the old Flink version; the operator rejects the change (DefaultValidator.validateFlinkVersion).",
        "Resume the job with the old `flinkVersion` first, then change the version in a later change.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: last-state, state: running}", extra: SuspendedLastState("v1_19")),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: last-state, state: running}", extra: SuspendedLastState("v1_20")))
    { OperatorMessage = "Changing flinkVersion after last-state suspend is not allowed. Restore your cluster with the current flinkVersion and perform the version upgrade afterwards." };

    public static readonly Rule ClusterModeSwitch = new("MF2051", "cluster-mode-switch", Severity.Error, Operator,
        "A deployed FlinkDeployment switches between a session cluster and an application (`spec.job` added or removed) or between `mode: native` and `mode: standalone`. The operator rejects both (DefaultValidator.validateSpecChange).",
        "Create a new FlinkDeployment in the new mode (restoring with `initialSavepointPath` from a savepoint of the old one) and delete the old one.",
        Deployment(extra: "\n  mode: standalone" + Reconciled("{\"mode\":\"native\",\"job\":{\"upgradeMode\":\"savepoint\",\"state\":\"running\"}}")),
        Deployment(extra: "\n  mode: native" + Reconciled("{\"mode\":\"native\",\"job\":{\"upgradeMode\":\"savepoint\",\"state\":\"running\"}}")))
    { OperatorMessage = "Cannot switch from native kubernetes to standalone kubernetes cluster" };

    public static readonly Rule DeploymentNameChanged = new("MF2052", "deployment-name-changed", Severity.Error, Operator,
        "A deployed FlinkSessionJob's `deploymentName` changes. A session job cannot move to another session cluster; the operator rejects the change (DefaultValidator.validateSpecChange for session jobs).",
        "Create a new FlinkSessionJob on the other cluster (from a savepoint, with `initialSavepointPath`) and delete this one.",
        SessionJob("payments-session") + "\n---\n" + SessionCluster("payments-session"),
        SessionJob("orders-session") + "\n---\n" + SessionCluster("orders-session"))
    { OperatorMessage = "The deploymentName can't be changed" };

    public static readonly Rule UpgradeDropsState = new("MF2053", "upgrade-drops-state", Severity.Error, Operator,
        "`upgradeMode` becomes `stateless` in the same change that upgrades the running job or resumes the suspended one. The operator upgrades with the new spec's mode (AbstractJobReconciler.getJobUpgrade) and does not inherit the old mode when stateless is asked for, so the job is cancelled without a savepoint and starts from empty state: its state is lost. (A change of `upgradeMode` alone triggers nothing.)",
        "Keep the old upgrade mode for this change; switch to stateless in a change of its own, if at all.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders-2.jar, parallelism: 2, upgradeMode: stateless}", extra: Reconciled("{\"job\":{\"jarURI\":\"local:///opt/flink/usrlib/orders.jar\",\"parallelism\":2,\"upgradeMode\":\"savepoint\",\"state\":\"running\"}}")),
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders-2.jar, parallelism: 2, upgradeMode: savepoint}", extra: Reconciled("{\"job\":{\"jarURI\":\"local:///opt/flink/usrlib/orders.jar\",\"parallelism\":2,\"upgradeMode\":\"savepoint\",\"state\":\"running\"}}")));

    public static readonly Rule ClaimSharedReadWriteOnce = new("MF1011", "claim-read-write-once-shared", Severity.Warning, Directories,
        "A state directory is on a PersistentVolumeClaim whose access modes are only `ReadWriteOnce` (or `ReadWriteOncePod`), and several pods mount it: the JobManager and the TaskManagers, or both children of a blue/green deployment during a transition. Kubernetes attaches such a volume to one node; a pod scheduled on another node waits for ever (Multi-Attach error). The operator never looks at claims, so it cannot warn.",
        "Use a `ReadWriteMany` claim (a shared file system) or an object store (`s3://`, `gs://`, …) for state directories.",
        OnVolume("persistentVolumeClaim: {claimName: flink-state}") + "\n---\n" + Claim("ReadWriteOnce"),
        OnVolume("persistentVolumeClaim: {claimName: flink-state}") + "\n---\n" + Claim("ReadWriteMany"));

    public static readonly Rule SubPathSplitsDirectory = new("MF1012", "subpath-splits-directory", Severity.Error, Directories,
        "The JobManager and the TaskManagers mount the volume that holds a state directory with different `subPath`s, so the same path is a different directory in each: TaskManagers write checkpoint data where the JobManager never looks, and the checkpoints cannot be restored.",
        "Mount the volume with the same `subPath` (or none) in every role's pod template.",
        WithRoleSubPath(OnVolume("persistentVolumeClaim: {claimName: flink-state}"), "taskmanager") + "\n---\n" + Claim("ReadWriteMany"),
        WithRoleSubPath(OnVolume("persistentVolumeClaim: {claimName: flink-state}"), null) + "\n---\n" + Claim("ReadWriteMany"));

    public static readonly Rule KeyUnknownToFlinkVersion = new("MF1013", "key-unknown-to-flink-version", Severity.Error, Directories,
        "A state directory is set with a key name Flink reads only from 1.20 on (`execution.checkpointing.dir`, `execution.checkpointing.savepoint-dir`: FLINK-34482), but `flinkVersion` is older. That Flink ignores the key; the old key (`state.checkpoints.dir`, `state.savepoints.dir`) decides the directory, or, when it is not set, there is none. The operator, built on a newer Flink, accepts the new key, so nothing else reports this. An error when no old key is set, a warning when an old key names another directory.",
        "Use the old key names for Flink before 1.20 (or raise `flinkVersion`).",
        Deployment().Replace("flinkVersion: v1_20", "flinkVersion: v1_18", StringComparison.Ordinal),
        Deployment(config: "state.checkpoints.dir: s3://flink-state/orders/checkpoints\n    state.savepoints.dir: s3://flink-state/orders/savepoints").Replace("flinkVersion: v1_20", "flinkVersion: v1_18", StringComparison.Ordinal));

    /// <summary>A blue/green deployment whose template is a copy of <see cref="Deployment"/>'s spec; <paramref name="template"/> replaces it.</summary>
    private static string BlueGreen(string? template = null, string config = "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n        execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints", string mode = "savepoint") =>
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkBlueGreenDeployment\nmetadata: {name: orders, namespace: streaming}\nspec:\n" +
        "  configuration:\n    kubernetes.operator.bluegreen.deployment-deletion.delay: 1m\n  template:" +
        (template is not null ? " " + template : "\n    spec:\n      image: flink:1.20\n      flinkVersion: v1_20\n      serviceAccount: flink\n" +
            "      flinkConfiguration:\n        " + config + "\n" +
            "      jobManager: {resource: {memory: 2048m, cpu: 1} }\n      taskManager: {resource: {memory: 2048m, cpu: 1} }\n" +
            $"      job: {{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: {mode}}}");

    private static string Reconciled(string spec) =>
        $"\nstatus:\n  jobManagerDeploymentStatus: READY\n  jobStatus: {{state: RUNNING}}\n  reconciliationStatus:\n    lastReconciledSpec: '{spec}'";

    private static string SuspendedLastState(string flinkVersion) =>
        $"\nstatus:\n  jobManagerDeploymentStatus: MISSING\n  jobStatus: {{state: SUSPENDED}}\n  reconciliationStatus:\n    lastReconciledSpec: '{{\"flinkVersion\":\"{flinkVersion}\",\"job\":{{\"upgradeMode\":\"last-state\",\"state\":\"suspended\"}}}}'";

    private static string SessionJob(string deploymentName) =>
        $"apiVersion: flink.apache.org/v1beta1\nkind: FlinkSessionJob\nmetadata: {{name: orders-job, namespace: streaming}}\nspec:\n  deploymentName: {deploymentName}\n  job: {{jarURI: https://repo/orders.jar, parallelism: 2, upgradeMode: stateless}}\nstatus:\n  jobStatus: {{state: RUNNING}}\n  reconciliationStatus:\n    lastReconciledSpec: '{{\"deploymentName\":\"orders-session\",\"job\":{{\"upgradeMode\":\"stateless\"}}}}'";

    private static string SessionCluster(string name) =>
        Deployment(name: name).Replace("\n  job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint}", "", StringComparison.Ordinal);

    private static string Claim(string accessMode) =>
        $"apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: flink-state, namespace: streaming}}\nspec:\n  accessModes: [{accessMode}]\n  resources: {{requests: {{storage: 10Gi}}}}";

    /// <summary>Gives the TaskManagers their own mount of the state volume, with <paramref name="subPath"/>.</summary>
    private static string WithRoleSubPath(string deployment, string? subPath) => deployment.Replace(
        "  taskManager: {resource: {memory: 2048m, cpu: 1} }",
        $"  taskManager:\n    resource: {{memory: 2048m, cpu: 1}}\n    podTemplate:\n      spec:\n        containers:\n          - name: flink-main-container\n            volumeMounts: [{{mountPath: /opt/flink/volume, name: state{(subPath is null ? "" : ", subPath: " + subPath)}}}]",
        StringComparison.Ordinal);
}
