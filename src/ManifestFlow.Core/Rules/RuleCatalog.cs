using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Every finding ManifestFlow reports, from unreadable input to review risks. Ids are stable: scripts,
/// suppressions, --disable and SARIF refer to them.
/// </summary>
public static partial class RuleCatalog
{
    private const string Input = "input";
    private const string Patching = "patch";
    private const string Operations = "operation";
    private const string Configuration = "configuration";
    private const string Reviews = "review";
    private const string Directories = "directories";
    private const string Operator = "operator parity";
    private const string Backup = "backup";
    private const string Restore = "restore";
    private const string Cluster_ = "FlinkCluster";

    public static readonly Rule NotAResource = new("MF0201", "not-a-resource", Severity.Error, Input,
        "A document names a Flink or ManifestFlow API group (`flink.apache.org`, `flinkoperator.k8s.io`, `manifestflow.io`) or kind but lacks its apiVersion or kind, so no tool would apply it as what it was meant to be. Other documents without both an apiVersion and a kind (a kustomization, Helm values or `Chart.yaml`, a CI workflow, a list of patch operations) are not Kubernetes resources: they are skipped and counted in the summary, never reported.",
        "Give the document both an apiVersion and a kind, or remove it from the manifests.",
        "apiVersion: flink.apache.org/v1beta1\nmetadata: {name: orders}\nspec: {image: flink:1.20}", Deployment());

    public static readonly Rule WrongType = new("MF0202", "wrong-type", Severity.Error, Input,
        "A field has the wrong type (for example `spec.job: \"a string\"`); the API server would reject the resource.",
        "Write the field with the type the CRD expects.",
        Deployment(job: "\"a string\""), Deployment());

    public static readonly Rule UnknownValue = new("MF0203", "unknown-value", Severity.Error, Input,
        "An enumerated field has a value the operator does not know (for example `upgradeMode: savepoints`).",
        "Use one of the listed values; the message suggests the nearest.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoints}"), Deployment());

    public static readonly Rule SuppressionWithoutReason = new("MF0204", "suppression-needs-reason", Severity.Warning, Input,
        "A `manifestflow.io/ignore` annotation names a rule without saying why; it suppresses nothing.",
        "Write `manifestflow.io/ignore: \"MF1007: single-node test cluster\"` (several entries separated by `;`).",
        Deployment(name: "orders, annotations: {manifestflow.io/ignore: MF4005}", job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, allowNonRestoredState: true}"),
        Deployment(name: "orders, annotations: {manifestflow.io/ignore: \"MF4005: operators were removed on purpose\"}", job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, allowNonRestoredState: true}"));

    public static readonly Rule DuplicateResource = new("MF0205", "duplicate-resource", Severity.Error, Input,
        "Two documents define the same resource (the same API group, kind, namespace and name). `kubectl apply` applies both in turn, so the last one is what the cluster gets; a reader, or a check of the first, sees something else.",
        "Keep one copy of the resource: delete or rename the others.",
        Deployment() + "\n---\n" + Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: stateless}"),
        Deployment() + "\n---\n" + Deployment(name: "payments"));

    public static readonly Rule HaStorageMissing = new("MF1001", "ha-storage-missing", Severity.Error, Directories,
        "High availability is on (`high-availability.type` is not NONE) but `high-availability.storageDir` is not set; the JobManager cannot start.",
        "Set `high-availability.storageDir` to a directory on persistent storage, distinct from the checkpoint and savepoint directories.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    high-availability.type: kubernetes"),
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    high-availability.type: kubernetes\n    high-availability.storageDir: s3://flink-state/orders/ha"));

    public static readonly Rule DirectoriesEqual = new("MF1002", "directories-equal", Severity.Error, Directories,
        "Two state directories are the same; checkpoints, savepoints and HA metadata must each point to a different directory, or cleanup of one deletes the other. `s3://`, `s3a://` and `s3p://` name the same bucket and key (Flink's S3 plugins register these schemes for one store), so they count as one place.",
        "Give each of the checkpoint, savepoint and HA storage directories its own path.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders\n    execution.checkpointing.savepoint-dir: s3a://flink-state/orders/"),
        Deployment());

    public static readonly Rule DirectoriesNested = new("MF1003", "directories-nested", Severity.Warning, Directories,
        "One state directory lies inside another (`s3://`, `s3a://` and `s3p://` counting as one store); retention and cleanup of the outer one can remove the inner one's files.",
        "Use sibling directories, for example `.../checkpoints` and `.../savepoints`.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints"),
        Deployment());

    public static readonly Rule DirectoryUri = new("MF1004", "directory-uri", Severity.Warning, Directories,
        "A state directory is not a URI with a known scheme; without one Flink resolves it against the default file system, usually the container's own disk.",
        "Write the scheme: `file:///opt/flink/volume/...` on a persistent volume, or an object store such as `s3://`, `gs://`, `abfss://`, `hdfs://`.",
        Deployment(config: "execution.checkpointing.dir: /opt/flink/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints"),
        Deployment());

    public static readonly Rule DirectoryNotOnVolume = new("MF1005", "directory-not-persistent", Severity.Error, Directories,
        "A `file:` state directory is not under any volume mount of the `flink-main-container`, so it is written to the container's own file system and lost when the pod restarts.",
        "Mount a volume backed by a `persistentVolumeClaim` at a parent directory of the path in the pod template, or use an object store.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: file:///opt/flink/savepoints"),
        OnVolume("persistentVolumeClaim: {claimName: flink-state}"));

    public static readonly Rule DirectoryEphemeral = new("MF1006", "directory-ephemeral-volume", Severity.Error, Directories,
        "A `file:` state directory lies on an `emptyDir` (or another volume that does not outlive the pod); its state is deleted with the pod.",
        "Back the mount with a `persistentVolumeClaim`.",
        OnVolume("emptyDir: {}"), OnVolume("persistentVolumeClaim: {claimName: flink-state}"));

    public static readonly Rule DirectoryHostPath = new("MF1007", "directory-hostpath", Severity.Warning, Directories,
        "A `file:` state directory lies on a `hostPath` volume: it stays on one node, so a JobManager or TaskManager scheduled elsewhere cannot read it.",
        "Back the mount with a `persistentVolumeClaim` (ReadWriteMany when JobManager and TaskManagers share it).",
        OnVolume("hostPath: {path: /tmp/flink, type: DirectoryOrCreate}"), OnVolume("persistentVolumeClaim: {claimName: flink-state}"));

    public static readonly Rule ClaimNotFound = new("MF1008", "claim-not-found", Severity.Error, Directories,
        "A volume holding a state directory names a PersistentVolumeClaim that is not among the PersistentVolumeClaims in the input; the pod would stay Pending.",
        "Fix `claimName`, or add the PersistentVolumeClaim to the manifests.",
        OnVolume("persistentVolumeClaim: {claimName: flink-stat}") + "\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: flink-state, namespace: streaming}\nspec: {accessModes: [ReadWriteMany], resources: {requests: {storage: 10Gi}}}",
        OnVolume("persistentVolumeClaim: {claimName: flink-state}") + "\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: flink-state, namespace: streaming}\nspec: {accessModes: [ReadWriteMany], resources: {requests: {storage: 10Gi}}}");

    public static readonly Rule VolumeNotDeclared = new("MF1009", "volume-not-declared", Severity.Error, Directories,
        "A volume mount of the `flink-main-container` that holds a state directory names a volume the pod template does not declare.",
        "Declare the volume under `volumes` with the mount's name.",
        OnVolume("persistentVolumeClaim: {claimName: flink-state}").Replace("- name: state\n", "- name: other\n", StringComparison.Ordinal),
        OnVolume("persistentVolumeClaim: {claimName: flink-state}"));

    public static readonly Rule VolumeSources = new("MF1010", "volume-several-sources", Severity.Error, Directories,
        "A volume that holds a state directory has more than one source (for example `persistentVolumeClaim` and `emptyDir`), which Kubernetes rejects. It usually comes from a role's pod template: the operator merges `jobManager.podTemplate` / `taskManager.podTemplate` into `spec.podTemplate` element by element (by list position, or by name with `kubernetes.operator.pod-template.merge-arrays-by-name: true`); a role's list does not replace the base list.",
        "Declare the volume once, with one source: leave it to `spec.podTemplate`, or give the role's volume the same source.",
        WithRoleVolume(OnVolume("persistentVolumeClaim: {claimName: flink-state}"), "emptyDir: {}"),
        WithRoleVolume(OnVolume("persistentVolumeClaim: {claimName: flink-state}"), "persistentVolumeClaim: {claimName: flink-state}"));

    private static List<Rule>? _all;
    private static Dictionary<string, Rule>? _byId;

    /// <summary>
    /// Built lazily: the rules live in several partial files, whose static fields initialise in no fixed
    /// order. Listed by hand, not collected by reflection, so the native build keeps every rule without
    /// trimming annotations; RuleCatalogListTests fails when a new rule is missing here.
    /// </summary>
    public static IReadOnlyList<Rule> All => _all ??= [.. Listed().OrderBy(r => r.Id, StringComparer.Ordinal)];

    public static Rule Get(string id) => All.First(r => r.Id == id);

    /// <summary>The rule with this id, or null for an id the catalogue does not know (a typo in --disable, say).</summary>
    public static Rule? Find(string id) => (_byId ??= All.ToDictionary(r => r.Id, StringComparer.Ordinal)).GetValueOrDefault(id);

    private static Rule[] Listed() =>
    [
        YamlSyntax, Encoding, DuplicateKey, LimitExceeded, UnrepresentableValue, UnreadableFile,
        InvalidPatch, PatchFailed, EditRefused,
        NotAResource, WrongType, UnknownValue, SuppressionWithoutReason, DuplicateResource, UnknownField, UnservedVersion,
        OperationRefused, OperationWarning,
        ConfigInvalid,
        HaStorageMissing, DirectoriesEqual, DirectoriesNested, DirectoryUri, DirectoryNotOnVolume, DirectoryEphemeral, DirectoryHostPath, ClaimNotFound, VolumeNotDeclared, VolumeSources,
        CheckpointDirRequired, SavepointDirRequired, NonceNeedsSavepointDir, PeriodicNeedsSavepointDir, MaxAgeNeedsSavepointDir, TaskManagerReplicas, JobParallelism, RollbackNeedsHa, StandbyNeedsHa, JobManagerReplicas, ForbiddenKey, HealthCheckNeedsRecovery, RedeployNeedsPath, FlinkVersionRequired, DeploymentName, ServiceAccountRequired, MemoryRequired, SessionJobSpec, SnapshotKind, SnapshotJobReference, SnapshotTargetMissing,
        NotReadyForBackup,
        SnapshotNotCompleted, DisposeOnDelete, SavepointOutsideDirectory, InitialPathIgnored, AllowNonRestoredState, StatelessDiscardsState, CreatedSuspended, RestoreFromIncompleteSnapshot,
        ClusterSavepointWithoutDir, ClusterSavepointGeneration, ClusterRestartNeedsSavepoint, ClusterParallelism, ClusterStaleFromSavepoint,
        DirectoryMovedUnderRunningJob, TriggerNonceReused, NonceLowered, ResourceDeleted, SuppressionAdded,
        BlueGreenTemplate, BlueGreenNeedsSavepointDir, FlinkVersionAfterLastStateSuspend, ClusterModeSwitch, DeploymentNameChanged, UpgradeDropsState, ClaimSharedReadWriteOnce, SubPathSplitsDirectory, KeyUnknownToFlinkVersion,
    ];
}
