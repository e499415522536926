namespace ManifestFlow.Core.Flink;

public enum ResourceKind
{
    Other,
    FlinkDeployment,
    FlinkSessionJob,
    FlinkStateSnapshot,
    FlinkCluster,
    FlinkBlueGreenDeployment,
    PersistentVolumeClaim,
}
