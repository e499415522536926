using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>Why a state directory's storage is not safe.</summary>
public enum StorageProblemKind
{
    /// <summary>Under no volume mount: the container's own disk.</summary>
    NotMounted,

    /// <summary>On a mount whose volume the pod template does not declare.</summary>
    VolumeNotDeclared,

    /// <summary>On a volume with more than one source, which Kubernetes rejects.</summary>
    SeveralSources,

    /// <summary>On a volume deleted with the pod (emptyDir and the like).</summary>
    PodLifetime,

    /// <summary>On a hostPath volume: kept on one node only.</summary>
    HostPath,

    /// <summary>On a claim that is not among the input's PersistentVolumeClaims.</summary>
    ClaimMissing,
}

/// <summary>One storage problem, located on the resource and field that hold it.</summary>
public sealed record StorageProblem(StorageProblemKind Kind, FlinkResource On, JsonPointer Pointer, string Message)
{
    /// <summary>State written there is lost or never written (everything but hostPath, which survives on its node).</summary>
    public bool LosesState => Kind != StorageProblemKind.HostPath;
}
