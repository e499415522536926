using System.Text.Json.Nodes;
using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
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

    public override IOperation Operation => RestoreOperation.Instance;
}

/// <summary>
/// Restore: start a job from a savepoint — a completed FlinkStateSnapshot or a path — so that the
/// operator really uses it (a new savepointRedeployNonce on a deployed resource), or re-create it on a
/// new cluster; FlinkClusters through fromSavepoint.
/// </summary>
public sealed class RestoreOperation : IOperation
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
    };

    public OperationRequest Bind(JsonObject spec, string target, string? ns, ConfigOrigin origin) => new RestoreRequest(target, ns)
    {
        Snapshot = ConfigValues.Text(spec, "fromSnapshot"),
        SavepointPath = ConfigValues.Text(spec, "savepointPath"),
        AllowNonRestoredState = ConfigValues.Flag(spec, "allowNonRestoredState"),
        Recreate = ConfigValues.Flag(spec, "recreate"),
        RestartFromSavepoint = ConfigValues.Flag(spec, "restartFromSavepoint"),
        PaimonTables = ConfigValues.Texts(spec, "paimonTables"),
    };

    public string? Plan(PlanBuilder plan, OperationRequest request) => Restore(plan, (RestoreRequest)request);

    /// <summary>Server-set fields a saved manifest must lose before it can be applied to a new cluster.</summary>
    private static readonly string[] ServerMetadata = ["resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "selfLink"];

    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private static string? Restore(PlanBuilder plan, RestoreRequest request)
    {
        var (path, source, pointer) = RestorePath(plan, request);
        if (path is null)
        {
            return null;
        }
        if (plan.Target.Kind == ResourceKind.FlinkCluster)
        {
            return RestoreCluster(plan, request, path, source);
        }
        if (!CheckRestorePath(plan, request, path, pointer, source))
        {
            return null;
        }
        plan.Steps.Set(PlanBuilder.UpgradeMode, "savepoint", "the operator starts from initialSavepointPath only in savepoint upgrade mode");
        plan.Steps.Set(PlanBuilder.State, "running", "resume the job (seeds 000/001)");
        plan.Steps.Set(Job.Append("initialSavepointPath"), path, $"restore from {source}");
        SetAllowNonRestoredState(plan, request, Job.Append("allowNonRestoredState"));
        if (request.Recreate)
        {
            Recreate(plan, request);
            PlanPaimon(plan, request, path);
            return "recreate";
        }
        if (plan.Target.Status is not null && !RestorePending(plan, request, path))
        {
            var current = plan.Target.Integer(Job.Append("savepointRedeployNonce"));
            plan.Steps.Set(Job.Append("savepointRedeployNonce"), (current ?? 0) + 1,
                "the resource is already deployed: the operator ignores initialSavepointPath unless savepointRedeployNonce changes");
        }
        PlanPaimon(plan, request, path);
        return request.Snapshot is not null ? "snapshot" : "path";
    }

    /// <summary>The same restore is already in the spec and not yet reconciled: restoring twice changes nothing.</summary>
    private static bool RestorePending(PlanBuilder plan, RestoreRequest request, string path)
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

    /// <summary>Where to restore from: a snapshot (in the input or a file) or a path.</summary>
    private static (string? Path, string Source, JsonPointer Pointer) RestorePath(PlanBuilder plan, RestoreRequest request)
    {
        if (request.SavepointPath is { } given)
        {
            return (given.Trim(), $"savepoint {given.Trim()}", Job.Append("initialSavepointPath"));
        }
        if (request.Snapshot is not { } name)
        {
            if (plan.Target.Kind == ResourceKind.FlinkCluster && plan.Target.Text(JsonPointer.Of("status", "components", "job", "savepointLocation")) is { } latest)
            {
                return (latest, $"the latest savepoint in status ({latest})", Job.Append("fromSavepoint"));
            }
            plan.Refuse(JsonPointer.Root, "cannot restore: name the savepoint with --snapshot NAME|FILE or --savepoint-path URI");
            return (null, "", JsonPointer.Root);
        }
        var snapshot = plan.Context.Resources.FirstOrDefault(r => r.Kind == ResourceKind.FlinkStateSnapshot && r.Name == name && r.Namespace == plan.Target.Namespace)
            ?? plan.Context.Resources.FirstOrDefault(r => r.Kind == ResourceKind.FlinkStateSnapshot && (r.Document.File.Path == name || r.Name == name));
        if (snapshot is null)
        {
            plan.Refuse(JsonPointer.Root, $"cannot restore: no FlinkStateSnapshot {name} in the input or as a file; pass the snapshot's manifest (kubectl get flinkstatesnapshot {name} -o yaml)");
            return (null, "", JsonPointer.Root);
        }
        var status = SnapshotStatus.Of(snapshot);
        var path = status.Path;
        if (!status.IsRestorable)
        {
            plan.RefuseAt(snapshot, status.Blocker,
                status.IsCompleted
                    ? $"cannot restore from FlinkStateSnapshot {snapshot.Name}: its status.path is empty, so there is no savepoint to restore from"
                    : $"cannot restore from FlinkStateSnapshot {snapshot.Name}: {status.Problem}, not COMPLETED; restore from a completed snapshot");
            return (null, "", JsonPointer.Root);
        }
        var kind = snapshot.Text(JsonPointer.Of("spec", "jobReference", "kind")) ?? "FlinkDeployment";
        var job = snapshot.Text(JsonPointer.Of("spec", "jobReference", "name"));
        if (job is not null && (job != plan.Target.Name || kind != plan.Target.Kind.ToString()))
        {
            plan.RefuseAt(snapshot, JsonPointer.Of("spec", "jobReference"),
                $"cannot restore {plan.Target}: FlinkStateSnapshot {snapshot.Name} is a savepoint of {kind} {job}, not of this job; restoring another job's state is refused");
            return (null, "", JsonPointer.Root);
        }
        return (path!.Trim(), $"FlinkStateSnapshot {snapshot.Name} (status.path {path.Trim()})", Job.Append("initialSavepointPath"));
    }

    /// <summary>The savepoint must lie in the job's savepoint directory on persistent storage.</summary>
    private static bool CheckRestorePath(PlanBuilder plan, RestoreRequest request, string path, JsonPointer pointer, string source)
    {
        var uri = StorageUri.Parse(path);
        var dir = plan.Config.GetNonBlank(ConfigKeys.SavepointDir);
        if (dir is not null)
        {
            var dirUri = StorageUri.Parse(dir.Value);
            if (!uri.IsWithin(dirUri))
            {
                plan.Refuse(pointer, $"cannot restore from {source}: {path} is outside the savepoint directory {dir.Value} ({dir.Key}); restore only savepoints of this job, or correct the directory first");
                return false;
            }
            if (dirUri.IsWithin(uri))
            {
                plan.Warn(pointer, $"{path} is the savepoint directory itself (as seed 000 literally says), but Flink restores from one savepoint's own directory, such as {dir.Value.TrimEnd('/')}/savepoint-<id>; check the path");
            }
        }
        if (uri.IsLocal)
        {
            var probe = new ValidationContext(plan.Context.Resources);
            var pods = plan.Target.Kind == ResourceKind.FlinkSessionJob ? probe.SessionCluster(plan.Target) : plan.Target;
            if (pods is not null)
            {
                PersistentStorage.Check(probe, pods, plan.Target, pointer, $"the savepoint {path}", uri, PodTemplates.Roles);
                var storage = probe.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
                if (storage is not null)
                {
                    plan.Refuse(pointer, $"cannot restore from {source}: {storage.Message}");
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>Seed 002: fromSavepoint, allowNonRestoredState and, on request, restarts from savepoints.</summary>
    private static string? RestoreCluster(PlanBuilder plan, RestoreRequest request, string path, string source)
    {
        var dir = plan.Target.Text(Job.Append("savepointsDir"));
        if (!string.IsNullOrWhiteSpace(dir) && !StorageUri.Parse(path).IsWithin(StorageUri.Parse(dir)))
        {
            plan.Refuse(Job.Append("fromSavepoint"), $"cannot restore from {source}: {path} is outside spec.job.savepointsDir {dir}; restore only savepoints of this job");
            return null;
        }
        plan.Steps.Set(Job.Append("fromSavepoint"), path, $"start the job from {source} (seed 002)");
        plan.Steps.Set(Job.Append("allowNonRestoredState"), request.AllowNonRestoredState,
            request.AllowNonRestoredState ? "--allow-non-restored-state: state of removed operators is dropped" : "a savepoint that does not match the job must fail the restore, not drop state");
        if (request.RestartFromSavepoint)
        {
            plan.Steps.Set(Job.Append("restartPolicy"), "FromSavepointOnFailure", "--restart-from-savepoint: a failed job restarts from its latest savepoint");
        }
        PlanPaimon(plan, request, path);
        return "fromSavepoint";
    }

    /// <summary>Seed 004: Paimon tables must be rolled back to the savepoint's tag before the job restarts.</summary>
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
