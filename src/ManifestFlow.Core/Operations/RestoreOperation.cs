using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

public sealed record RestoreRequest(string Target, string? Namespace) : OperationRequest(Target, Namespace)
{
    /// <summary>A FlinkStateSnapshot name in the inputs, or a file holding one.</summary>
    public string? Snapshot { get; init; }

    public string? SavepointPath { get; init; }

    public bool AllowNonRestoredState { get; init; }

    /// <summary>Disaster recovery: the saved manifest without status and server-set metadata.</summary>
    public bool Recreate { get; init; }

    public bool RestartFromSavepoint { get; init; }

    public IReadOnlyList<string> PaimonTables { get; init; } = [];

    /// <summary>The newest completed snapshot of the job among the inputs, or savepoint in its status.</summary>
    public bool Latest { get; init; }

    /// <summary>Resume from the HA metadata the job was suspended with: state running, no savepoint path.</summary>
    public bool LastState { get; init; }

    public override IOperation Operation => RestoreOperation.Instance;
}

/// <summary>
/// Restore: start a job from a savepoint — a completed FlinkStateSnapshot or a path — so that the
/// operator really uses it (a new savepointRedeployNonce on a deployed resource), or re-create it on a
/// new cluster; FlinkClusters through fromSavepoint.
/// </summary>
public sealed partial class RestoreOperation : IOperation
{
    public static readonly RestoreOperation Instance = new();

    private static readonly JsonPointer Job = PlanBuilder.Job;

    public string Name => "restore";

    public string ConfigKind => "FlinkRestore";

    public IReadOnlyDictionary<string, ConfigField> SpecFields { get; } = new Dictionary<string, ConfigField>
    {
        ["fromSnapshot"] = ConfigField.String,
        ["savepointPath"] = ConfigField.String,
        ["allowNonRestoredState"] = ConfigField.Boolean,
        ["recreate"] = ConfigField.Boolean,
        ["restartFromSavepoint"] = ConfigField.Boolean,
        ["paimonTables"] = ConfigField.Array,
        ["latest"] = ConfigField.Boolean,
        ["lastState"] = ConfigField.Boolean,
    };

    public OperationRequest Bind(JsonObject spec, string target, string? ns, ConfigOrigin origin) => new RestoreRequest(target, ns)
    {
        Snapshot = ConfigValues.Text(spec, "fromSnapshot"),
        SavepointPath = ConfigValues.Text(spec, "savepointPath"),
        AllowNonRestoredState = ConfigValues.Flag(spec, "allowNonRestoredState"),
        Recreate = ConfigValues.Flag(spec, "recreate"),
        RestartFromSavepoint = ConfigValues.Flag(spec, "restartFromSavepoint"),
        PaimonTables = ConfigValues.Texts(spec, "paimonTables"),
        Latest = ConfigValues.Flag(spec, "latest"),
        LastState = ConfigValues.Flag(spec, "lastState"),
    };

    public string? Plan(PlanBuilder plan, OperationRequest request) =>
        plan.Target.BlueGreen is not null && !BlueGreenOperations.Restore(plan, (RestoreRequest)request) ? null : Restore(plan, (RestoreRequest)request);

    /// <summary>Server-set fields a saved manifest must lose before it can be applied to a new cluster.</summary>
    private static readonly string[] ServerMetadata = ["resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "selfLink"];

    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static string? Restore(PlanBuilder plan, RestoreRequest request)
    {
        var sources = new[] { request.Snapshot is not null, request.SavepointPath is not null, request.Latest, request.LastState }.Count(x => x);
        if (sources > 1)
        {
            plan.Refuse(JsonPointer.Root, "cannot restore: --snapshot, --savepoint-path, --latest and --last-state are alternatives; give one");
            return null;
        }
        if (request.LastState)
        {
            return LastState(plan, request);
        }
        if (RestorePath(plan, request) is not { } point)
        {
            return null;
        }
        if (plan.Target.Kind == ResourceKind.FlinkCluster)
        {
            return RestoreCluster(plan, request, point.Path, point.Source);
        }
        if (!CheckRestorePath(plan, point))
        {
            return null;
        }
        // upgradeMode is left as it is: the operator reads initialSavepointPath on first deployment in any
        // mode, and a savepointRedeployNonce redeploy uses it whatever the mode (AbstractJobReconciler).
        plan.Steps.Set(PlanBuilder.State, "running", "a restored job runs; the operator starts it from initialSavepointPath");
        plan.Steps.Set(Job.Append("initialSavepointPath"), point.Path, $"restore from {point.Source}{point.Chosen}");
        SetAllowNonRestoredState(plan, request, Job.Append("allowNonRestoredState"));
        if (request.Recreate)
        {
            Recreate(plan, request);
            PlanPaimon(plan, request, point.Path);
            return "recreate";
        }
        if (!RestorePending(plan, point.Path))
        {
            RedeployNonce(plan, point.Source);
        }
        PlanPaimon(plan, request, point.Path);
        return request.Latest ? "latest" : request.Snapshot is not null ? "snapshot" : "path";
    }

    /// <summary>
    /// A savepointRedeployNonce above the spec's and the last reconciled spec's, because the operator compares
    /// against the reconciled one (ReflectiveDiffBuilder): a value it already reconciled is no change and the
    /// restore silently does nothing. Without a status (a manifest from Git) the live resource may be deployed,
    /// so the nonce is bumped too; before a first deployment the path is read anyway and the nonce is harmless.
    /// </summary>
    private static void RedeployNonce(PlanBuilder plan, string source)
    {
        var target = plan.Target;
        var spec = target.Integer(Job.Append("savepointRedeployNonce"));
        var reconciledJob = ReconciledSpec.LastReconciledJob(target);
        var reconciled = reconciledJob?["savepointRedeployNonce"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<long>(out var r) ? r : (long?)null;
        var next = Math.Max(spec ?? 0, reconciled ?? 0) + 1;
        string why;
        if (reconciledJob is not null)
        {
            why = $"the resource is deployed (its last reconciled spec has savepointRedeployNonce {reconciled?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}): the operator uses initialSavepointPath again only when the nonce differs from the reconciled one";
        }
        else if (target.Status is not null)
        {
            why = "the status has no lastReconciledSpec, so the resource was never deployed and the operator reads initialSavepointPath on its first deployment; the new nonce also makes the restore hold if it is deployed before this change lands";
        }
        else
        {
            why = "the manifest has no status, so the live resource may already be deployed, and then the operator uses initialSavepointPath only when savepointRedeployNonce changes; on a first deployment the path is read anyway";
        }
        plan.Steps.Set(Job.Append("savepointRedeployNonce"), next, why);
        if (target.Text(PlanBuilder.State) != "suspended" && (reconciledJob is not null || target.Status is null) && target.BlueGreen is null)
        {
            plan.Warn(Job.Append("savepointRedeployNonce"),
                $"if the job is running, the operator's savepoint redeploy cancels it without taking a savepoint and starts it from {source}: state written since that savepoint is dropped; back up first (manifestflow backup) if it matters");
        }
    }

    /// <summary>The same restore is already in the spec and not yet reconciled: restoring twice changes nothing.</summary>
    private static bool RestorePending(PlanBuilder plan, string path)
    {
        if (plan.Target.Text(Job.Append("initialSavepointPath")) != path || plan.Target.At(Job.Append("savepointRedeployNonce")) is null)
        {
            return false;
        }
        var last = ReconciledSpec.LastReconciledJob(plan.Target);
        return last is null || !JsonEquality.DeepEquals(last["savepointRedeployNonce"], plan.Target.At(Job.Append("savepointRedeployNonce")));
    }

    private static void SetAllowNonRestoredState(PlanBuilder plan, RestoreRequest request, JsonPointer path)
    {
        if (request.AllowNonRestoredState)
        {
            plan.Steps.Set(path, true, "--allow-non-restored-state: state of operators that no longer exist is dropped instead of failing the restore");
        }
        else if (plan.Target.At(path) is JsonValue v && v.TryGetValue<bool>(out var allowed) && allowed)
        {
            plan.Steps.Set(path, false, "without --allow-non-restored-state a savepoint that does not match the job must fail the restore, not silently drop state");
        }
    }

    /// <summary>Disaster recovery on a new cluster: the saved manifest without status and server-set metadata.</summary>
    private static void Recreate(PlanBuilder plan, RestoreRequest request)
    {
        plan.Steps.Remove(JsonPointer.Of("status"), "a new resource starts without status; the operator then reads initialSavepointPath on first deployment");
        foreach (var field in ServerMetadata)
        {
            plan.Steps.Remove(JsonPointer.Of("metadata", field), "set by the API server of the old cluster; a new cluster rejects or overwrites it");
        }
        if (plan.Target.Annotations is { } annotations && annotations.ContainsKey(LastApplied))
        {
            if (annotations.Count == 1)
            {
                plan.Steps.Remove(JsonPointer.Of("metadata", "annotations"), "only held kubectl's last-applied configuration of the old cluster");
            }
            else
            {
                plan.Steps.Remove(JsonPointer.Of("metadata", "annotations", LastApplied), "kubectl's last-applied configuration of the old cluster");
            }
        }
    }

    /// <summary>Where to restore from, and whether it is a checkpoint (which lives outside the savepoint directory).</summary>
    private sealed record RestorePoint(string Path, string Source, JsonPointer Pointer, bool IsCheckpoint = false)
    {
        /// <summary>The snapshot it comes from: a savepoint under its own spec.savepoint.path is this job's wherever it lies.</summary>
        public FlinkResource? Snapshot { get; init; }

        /// <summary>Why this one was chosen, when the tool chose it (--latest).</summary>
        public string Chosen { get; init; } = "";
    }

    /// <summary>Where to restore from: a snapshot (in the input or a file) or a path.</summary>
    private static RestorePoint? RestorePath(PlanBuilder plan, RestoreRequest request)
    {
        var target = plan.Target;
        if (request.SavepointPath is { } given)
        {
            return new RestorePoint(given.Trim(), $"savepoint {given.Trim()}", Job.Append("initialSavepointPath"));
        }
        if (request.Latest && target.Kind != ResourceKind.FlinkCluster)
        {
            return LatestPoint(plan);
        }
        if (request.Snapshot is not { } name)
        {
            if (target.Kind == ResourceKind.FlinkCluster && target.Text(JsonPointer.Of("status", "components", "job", "savepointLocation")) is { } latest)
            {
                return new RestorePoint(latest, $"the latest savepoint in status ({latest})", Job.Append("fromSavepoint"));
            }
            plan.Refuse(JsonPointer.Root, request.Latest
                ? "cannot restore: --latest restores a FlinkCluster from status.components.job.savepointLocation, and the status shows none; export the resource with kubectl get -o yaml, or name the savepoint with --savepoint-path URI"
                : "cannot restore: name the savepoint with --snapshot NAME|FILE or --savepoint-path URI, or use --latest or --last-state");
            return null;
        }
        // The operator resolves a snapshot's jobReference in the snapshot's own namespace
        // (FlinkStateSnapshotUtils): a snapshot of another namespace is never this job's.
        var snapshots = plan.Context.Resources.Where(r => r.Kind == ResourceKind.FlinkStateSnapshot && (r.Name == name || r.Document.File.Path == name)).ToList();
        var snapshot = snapshots.FirstOrDefault(r => SameNamespace(r, target));
        if (snapshot is null)
        {
            plan.Refuse(JsonPointer.Root, snapshots.Count > 0
                ? $"cannot restore {target}: FlinkStateSnapshot {name} is in namespace {snapshots[0].Namespace}, and the operator resolves a snapshot's jobReference in the snapshot's own namespace; use a snapshot of namespace {target.Namespace}"
                : $"cannot restore: no FlinkStateSnapshot {name} in the input or as a file; pass the snapshot's manifest (kubectl get flinkstatesnapshot {name} -o yaml)");
            return null;
        }
        return FromSnapshot(plan, snapshot, $"FlinkStateSnapshot {snapshot.Name}");
    }

    /// <summary>The restore point a snapshot gives, with the operator's caveats; null (refused) when it gives none.</summary>
    private static RestorePoint? FromSnapshot(PlanBuilder plan, FlinkResource snapshot, string named)
    {
        var target = plan.Target;
        var status = SnapshotStatus.Of(snapshot);
        var path = status.Path;
        var declared = snapshot.Text(JsonPointer.Of("spec", "savepoint", "path"));
        if (status.State is null && snapshot.At(JsonPointer.Of("spec", "savepoint", "alreadyExists"))?.ToJsonString() == "true" && !string.IsNullOrWhiteSpace(declared))
        {
            // StateSnapshotReconciler.reconcile: an alreadyExists snapshot becomes COMPLETED with status.path =
            // spec.savepoint.path on its first reconcile, without looking at the files.
            path = declared;
            plan.Warn(Job.Append("initialSavepointPath"),
                $"FlinkStateSnapshot {snapshot.Name} has alreadyExists: true and no status yet, so its spec.savepoint.path {declared.Trim()} is used: the operator marks such a snapshot COMPLETED without checking that the savepoint exists (StateSnapshotReconciler); check that the directory holds a complete savepoint (its _metadata file) before the job starts from it");
        }
        else if (!status.IsRestorable)
        {
            plan.RefuseAt(snapshot, status.Blocker,
                status.IsCompleted
                    ? $"cannot restore from FlinkStateSnapshot {snapshot.Name}: its status.path is empty, so there is no savepoint to restore from"
                    : $"cannot restore from FlinkStateSnapshot {snapshot.Name}: {status.Problem}, not COMPLETED; restore from a completed snapshot");
            return null;
        }
        var kind = snapshot.Text(JsonPointer.Of("spec", "jobReference", "kind")) ?? "FlinkDeployment";
        var job = snapshot.Text(JsonPointer.Of("spec", "jobReference", "name"));
        if (job is not null && (job != target.Name || kind != target.Kind.ToString()))
        {
            plan.RefuseAt(snapshot, JsonPointer.Of("spec", "jobReference"),
                $"cannot restore {target}: FlinkStateSnapshot {snapshot.Name} is a savepoint of {kind} {job}, not of this job; restoring another job's state is refused");
            return null;
        }
        var isCheckpoint = snapshot.At(JsonPointer.Of("spec", "checkpoint")) is not null;
        if (OperatorFacts.Lifetime(plan, snapshot) is { } lifetime)
        {
            plan.Warn(Job.Append("initialSavepointPath"), lifetime);
        }
        var field = status.IsRestorable ? "status.path" : "spec.savepoint.path";
        return new RestorePoint(path!.Trim(), $"{named} ({field} {path.Trim()})", Job.Append("initialSavepointPath"), isCheckpoint) { Snapshot = snapshot };
    }

    /// <summary>A resource without a namespace (a manifest applied with -n) may meet one of any namespace.</summary>
    private static bool SameNamespace(FlinkResource a, FlinkResource b) =>
        a.Namespace.Length == 0 || b.Namespace.Length == 0 || a.Namespace == b.Namespace;

    /// <summary>The savepoint must lie in the job's savepoint directory on persistent storage.</summary>
    private static bool CheckRestorePath(PlanBuilder plan, RestorePoint point)
    {
        var (path, source, pointer) = (point.Path, point.Source, point.Pointer);
        var uri = StorageUri.Parse(path);
        var dir = plan.Config.GetNonBlank(ConfigKeys.SavepointDir);
        if (point.IsCheckpoint)
        {
            // The operator allows restoring from a checkpoint snapshot, with a warning (snapshots.md).
            plan.Warn(pointer, $"{source} is a checkpoint, not a savepoint: it is owned by the job (Flink deletes it once newer checkpoints are retained, and an incremental one needs the files of earlier checkpoints) and may use a format a changed job cannot read; restore soon, or take a savepoint first");
        }
        else if (dir is not null)
        {
            var dirUri = StorageUri.Parse(dir.Value);
            // A savepoint the operator wrote for a snapshot of this job into the snapshot's own spec.savepoint.path
            // (backup --savepoint-dir) is the job's even outside its directory; an alreadyExists one only claims so.
            var own = point.Snapshot is { } taken && taken.Text(JsonPointer.Of("spec", "jobReference", "name")) is not null &&
                taken.At(JsonPointer.Of("spec", "savepoint", "alreadyExists"))?.ToJsonString() != "true" &&
                taken.Text(JsonPointer.Of("spec", "savepoint", "path")) is { } ownDir && !string.IsNullOrWhiteSpace(ownDir) && uri.IsWithin(StorageUri.Parse(ownDir.Trim()));
            if (!uri.IsWithin(dirUri) && !own)
            {
                plan.Refuse(pointer, $"cannot restore from {source}: {path} is outside the savepoint directory {dir.Value} ({dir.Key}); restore only savepoints of this job, or correct the directory first");
                return false;
            }
            if (dirUri.IsWithin(uri))
            {
                plan.Warn(pointer, $"{path} is the savepoint directory itself (IBM Event Processing's restore procedure writes it that way), but Flink restores from one savepoint's own directory, such as {dir.Value.TrimEnd('/')}/savepoint-<id>; check the path");
            }
        }
        if (uri.IsLocal)
        {
            var pods = plan.Target.Kind == ResourceKind.FlinkSessionJob ? plan.Context.SessionCluster(plan.Target) : plan.Target;
            if (pods is not null)
            {
                var claims = plan.Context.MayShareNamespace(ResourceKind.PersistentVolumeClaim, pods.Namespace);
                var storage = DirectoryStorage.Problems(pods, plan.Target, pointer, $"the savepoint {path}", uri, PodTemplates.Roles, claims).FirstOrDefault(p => p.LosesState);
                if (storage is not null)
                {
                    plan.Refuse(pointer, $"cannot restore from {source}: {storage.Message}");
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>FlinkCluster: fromSavepoint, allowNonRestoredState and, on request, restarts from savepoints.</summary>
    private static string? RestoreCluster(PlanBuilder plan, RestoreRequest request, string path, string source)
    {
        var dir = plan.Target.Text(Job.Append("savepointsDir"));
        if (!string.IsNullOrWhiteSpace(dir) && !StorageUri.Parse(path).IsWithin(StorageUri.Parse(dir)))
        {
            plan.Refuse(Job.Append("fromSavepoint"), $"cannot restore from {source}: {path} is outside spec.job.savepointsDir {dir}; restore only savepoints of this job");
            return null;
        }
        if (string.IsNullOrWhiteSpace(dir))
        {
            // The GCP operator's webhook rejects job updates without a savepoint directory (flinkcluster_validate.go).
            plan.Refuse(Job.Append("savepointsDir"), "cannot restore: spec.job.savepointsDir is not set, and the FlinkCluster webhook rejects the change (\"updating job is not allowed when spec.job.savepointsDir was not provided\"); set it first");
            return null;
        }
        plan.Steps.Set(Job.Append("fromSavepoint"), path, $"the operator starts the job from fromSavepoint: {source}");
        plan.Warn(Job.Append("fromSavepoint"), "fromSavepoint stays in the spec, and the operator restores from it again on every later update of the job (flinkcluster_converter.go): once the job runs from it, remove fromSavepoint (or set it to the newest savepoint) in a follow-up change");
        plan.Steps.Set(Job.Append("allowNonRestoredState"), request.AllowNonRestoredState,
            request.AllowNonRestoredState ? "--allow-non-restored-state: state of removed operators is dropped" : "a savepoint that does not match the job must fail the restore, not drop state");
        if (request.RestartFromSavepoint)
        {
            plan.Steps.Set(Job.Append("restartPolicy"), "FromSavepointOnFailure", "--restart-from-savepoint: a failed job restarts from its latest savepoint");
        }
        PlanPaimon(plan, request, path);
        return "fromSavepoint";
    }

    /// <summary>Apache Paimon's savepoint notes: Paimon tables must be rolled back to the savepoint's tag before the job restarts.</summary>
    private static void PlanPaimon(PlanBuilder plan, RestoreRequest request, string path)
    {
        foreach (var table in request.PaimonTables.Order(StringComparer.Ordinal))
        {
            var quoted = string.Join('.', table.Split('.').Select(p => "`" + p.Replace("`", "``", StringComparison.Ordinal) + "`"));
            var tags = quoted[..^1] + "$tags`"; // the system table `db`.`table$tags`
            plan.ManualStep($"Paimon table {table}: before the job restarts from {path}, find the tag Paimon created for this savepoint (sink.savepoint.auto-tag names it savepoint-<savepoint id>): SELECT tag_name, snapshot_id, create_time FROM {tags} WHERE tag_name LIKE 'savepoint-%' ORDER BY create_time DESC;");
            plan.ManualStep($"Paimon table {table}: roll it back to that tag: CALL sys.rollback_to(`table` => '{table.Replace("'", "''", StringComparison.Ordinal)}', tag => 'savepoint-<savepoint id>');");
        }
    }
}
