namespace ManifestFlow.Core.Flink;

/// <summary>
/// Flink option names with their deprecated aliases, primary first, as Flink's ConfigOption resolves
/// them (reference/flink-operators.md §1f): the primary key wins over a deprecated one.
/// </summary>
public static class ConfigKeys
{
    public static readonly string[] CheckpointDir = ["execution.checkpointing.dir", "state.checkpoints.dir", "state.backend.fs.checkpointdir"];
    public static readonly string[] SavepointDir = ["execution.checkpointing.savepoint-dir", "state.savepoints.dir", "savepoints.state.backend.fs.dir"];
    public static readonly string[] HaType = ["high-availability.type", "high-availability", "recovery.mode"];
    public static readonly string[] HaStorageDir = ["high-availability.storageDir", "high-availability.zookeeper.storageDir", "recovery.zookeeper.storageDir"];

    public const string PeriodicSavepointInterval = "kubernetes.operator.periodic.savepoint.interval";
    public const string MaxCheckpointAge = "kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age";
    public const string RollbackEnabled = "kubernetes.operator.deployment.rollback.enabled";
    public const string HealthCheckEnabled = "kubernetes.operator.cluster.health-check.enabled";
    public const string DeploymentRecoveryEnabled = "kubernetes.operator.jm-deployment-recovery.enabled";
    public const string SnapshotResourcesEnabled = "kubernetes.operator.snapshot.resource.enabled";

    /// <summary>Keys the operator sets itself and refuses from users (V11).</summary>
    public static readonly string[] Forbidden = ["kubernetes.namespace", "kubernetes.cluster-id", "high-availability.cluster-id"];
}
