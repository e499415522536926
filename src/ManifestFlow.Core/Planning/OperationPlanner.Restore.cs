using System.Text.Json.Nodes;
using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Planning;

public sealed partial class OperationPlanner
{
    /// <summary>Server-set fields a saved manifest must lose before it can be applied to a new cluster.</summary>
    private static readonly string[] ServerMetadata = ["resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "selfLink"];

    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private string? Restore()
    {
        var (path, source, pointer) = RestorePath();
        if (path is null)
        {
            return null;
        }
        if (_target.Kind == ResourceKind.FlinkCluster)
        {
            return RestoreCluster(path, source);
        }
        if (!CheckRestorePath(path, pointer, source))
        {
            return null;
        }
        _steps.Set(UpgradeMode, "savepoint", "the operator starts from initialSavepointPath only in savepoint upgrade mode");
        _steps.Set(State, "running", "resume the job (seeds 000/001)");
        _steps.Set(Job.Append("initialSavepointPath"), path, $"restore from {source}");
        SetAllowNonRestoredState(Job.Append("allowNonRestoredState"));
        if (_request.Recreate)
        {
            Recreate();
            PlanPaimon(path);
            return "recreate";
        }
        if (_target.Status is not null && !RestorePending(path))
        {
            var current = _target.Integer(Job.Append("savepointRedeployNonce"));
            _steps.Set(Job.Append("savepointRedeployNonce"), (current ?? 0) + 1,
                "the resource is already deployed: the operator ignores initialSavepointPath unless savepointRedeployNonce changes");
        }
        PlanPaimon(path);
        return _request.Snapshot is not null ? "snapshot" : "path";
    }

    /// <summary>The same restore is already in the spec and not yet reconciled: restoring twice changes nothing.</summary>
    private bool RestorePending(string path)
    {
        if (_target.Text(Job.Append("initialSavepointPath")) != path || _target.At(Job.Append("savepointRedeployNonce")) is null)
        {
            return false;
        }
        var last = ReconciledSpec.LastReconciledJob(_target);
        return last is null || !JsonEquality.DeepEquals(last["savepointRedeployNonce"], _target.At(Job.Append("savepointRedeployNonce")));
    }

    private void SetAllowNonRestoredState(JsonPointer path)
    {
        if (_request.AllowNonRestoredState)
        {
            _steps.Set(path, true, "--allow-non-restored-state: state of operators that no longer exist is dropped instead of failing the restore");
        }
        else if (_target.At(path) is JsonValue v && v.TryGetValue<bool>(out var allowed) && allowed)
        {
            _steps.Set(path, false, "without --allow-non-restored-state a savepoint that does not match the job must fail the restore, not silently drop state");
        }
    }

    /// <summary>Disaster recovery on a new cluster: the saved manifest without status and server-set metadata.</summary>
    private void Recreate()
    {
        _steps.Remove(JsonPointer.Of("status"), "a new resource starts without status; the operator then reads initialSavepointPath on first deployment");
        foreach (var field in ServerMetadata)
        {
            _steps.Remove(JsonPointer.Of("metadata", field), "set by the API server of the old cluster; a new cluster rejects or overwrites it");
        }
        if (_target.Annotations is { } annotations && annotations.ContainsKey(LastApplied))
        {
            if (annotations.Count == 1)
            {
                _steps.Remove(JsonPointer.Of("metadata", "annotations"), "only held kubectl's last-applied configuration of the old cluster");
            }
            else
            {
                _steps.Remove(JsonPointer.Of("metadata", "annotations", LastApplied), "kubectl's last-applied configuration of the old cluster");
            }
        }
    }

    /// <summary>Where to restore from: a snapshot (in the input or a file) or a path.</summary>
    private (string? Path, string Source, JsonPointer Pointer) RestorePath()
    {
        if (_request.SavepointPath is { } given)
        {
            return (given.Trim(), $"savepoint {given.Trim()}", Job.Append("initialSavepointPath"));
        }
        if (_request.Snapshot is not { } name)
        {
            if (_target.Kind == ResourceKind.FlinkCluster && _target.Text(JsonPointer.Of("status", "components", "job", "savepointLocation")) is { } latest)
            {
                return (latest, $"the latest savepoint in status ({latest})", Job.Append("fromSavepoint"));
            }
            Refuse(JsonPointer.Root, "cannot restore: name the savepoint with --snapshot NAME|FILE or --savepoint-path URI");
            return (null, "", JsonPointer.Root);
        }
        var snapshot = _context.Resources.FirstOrDefault(r => r.Kind == ResourceKind.FlinkStateSnapshot && r.Name == name && r.Namespace == _target.Namespace)
            ?? _context.Resources.FirstOrDefault(r => r.Kind == ResourceKind.FlinkStateSnapshot && (r.Document.File.Path == name || r.Name == name));
        if (snapshot is null)
        {
            Refuse(JsonPointer.Root, $"cannot restore: no FlinkStateSnapshot {name} in the input or as a file; pass the snapshot's manifest (kubectl get flinkstatesnapshot {name} -o yaml)");
            return (null, "", JsonPointer.Root);
        }
        var state = snapshot.Text(JsonPointer.Of("status", "state"));
        var path = snapshot.Text(JsonPointer.Of("status", "path"));
        if (state != "COMPLETED" || string.IsNullOrWhiteSpace(path))
        {
            _refusals.Add(Refusal(snapshot, JsonPointer.Of("status", state != "COMPLETED" ? "state" : "path"),
                state != "COMPLETED"
                    ? $"cannot restore from FlinkStateSnapshot {snapshot.Name}: its status.state is {state ?? "unset"}, not COMPLETED; restore from a completed snapshot"
                    : $"cannot restore from FlinkStateSnapshot {snapshot.Name}: its status.path is empty, so there is no savepoint to restore from"));
            return (null, "", JsonPointer.Root);
        }
        var kind = snapshot.Text(JsonPointer.Of("spec", "jobReference", "kind")) ?? "FlinkDeployment";
        var job = snapshot.Text(JsonPointer.Of("spec", "jobReference", "name"));
        if (job is not null && (job != _target.Name || kind != _target.Kind.ToString()))
        {
            _refusals.Add(Refusal(snapshot, JsonPointer.Of("spec", "jobReference"),
                $"cannot restore {_target}: FlinkStateSnapshot {snapshot.Name} is a savepoint of {kind} {job}, not of this job; restoring another job's state is refused"));
            return (null, "", JsonPointer.Root);
        }
        return (path!.Trim(), $"FlinkStateSnapshot {snapshot.Name} (status.path {path.Trim()})", Job.Append("initialSavepointPath"));
    }

    /// <summary>The savepoint must lie in the job's savepoint directory on persistent storage.</summary>
    private bool CheckRestorePath(string path, JsonPointer pointer, string source)
    {
        var uri = StorageUri.Parse(path);
        var dir = Config.GetNonBlank(ConfigKeys.SavepointDir);
        if (dir is not null)
        {
            var dirUri = StorageUri.Parse(dir.Value);
            if (!uri.IsWithin(dirUri))
            {
                Refuse(pointer, $"cannot restore from {source}: {path} is outside the savepoint directory {dir.Value} ({dir.Key}); restore only savepoints of this job, or correct the directory first");
                return false;
            }
            if (dirUri.IsWithin(uri))
            {
                Warn(pointer, $"{path} is the savepoint directory itself (as seed 000 literally says), but Flink restores from one savepoint's own directory, such as {dir.Value.TrimEnd('/')}/savepoint-<id>; check the path");
            }
        }
        if (uri.IsLocal)
        {
            var probe = new ValidationContext(_context.Resources);
            var pods = _target.Kind == ResourceKind.FlinkSessionJob ? probe.SessionCluster(_target) : _target;
            if (pods is not null)
            {
                PersistentStorage.Check(probe, pods, _target, pointer, $"the savepoint {path}", uri, PodTemplates.Roles);
                var storage = probe.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.Severity.Error);
                if (storage is not null)
                {
                    Refuse(pointer, $"cannot restore from {source}: {storage.Message}");
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>Seed 002: fromSavepoint, allowNonRestoredState and, on request, restarts from savepoints.</summary>
    private string? RestoreCluster(string path, string source)
    {
        var dir = _target.Text(Job.Append("savepointsDir"));
        if (!string.IsNullOrWhiteSpace(dir) && !StorageUri.Parse(path).IsWithin(StorageUri.Parse(dir)))
        {
            Refuse(Job.Append("fromSavepoint"), $"cannot restore from {source}: {path} is outside spec.job.savepointsDir {dir}; restore only savepoints of this job");
            return null;
        }
        _steps.Set(Job.Append("fromSavepoint"), path, $"start the job from {source} (seed 002)");
        _steps.Set(Job.Append("allowNonRestoredState"), _request.AllowNonRestoredState,
            _request.AllowNonRestoredState ? "--allow-non-restored-state: state of removed operators is dropped" : "a savepoint that does not match the job must fail the restore, not drop state");
        if (_request.RestartFromSavepoint)
        {
            _steps.Set(Job.Append("restartPolicy"), "FromSavepointOnFailure", "--restart-from-savepoint: a failed job restarts from its latest savepoint");
        }
        PlanPaimon(path);
        return "fromSavepoint";
    }

    /// <summary>Seed 004: Paimon tables must be rolled back to the savepoint's tag before the job restarts.</summary>
    private void PlanPaimon(string path)
    {
        foreach (var table in _request.PaimonTables.Order(StringComparer.Ordinal))
        {
            var quoted = string.Join('.', table.Split('.').Select(p => "`" + p.Replace("`", "``", StringComparison.Ordinal) + "`"));
            var tags = quoted[..^1] + "$tags`"; // the system table `db`.`table$tags`
            _manualSteps.Add($"Paimon table {table}: before the job restarts from {path}, find the tag Paimon created for this savepoint (sink.savepoint.auto-tag names it savepoint-<savepoint id>): SELECT tag_name, snapshot_id, create_time FROM {tags} WHERE tag_name LIKE 'savepoint-%' ORDER BY create_time DESC;");
            _manualSteps.Add($"Paimon table {table}: roll it back to that tag: CALL sys.rollback_to(`table` => '{table.Replace("'", "''", StringComparison.Ordinal)}', tag => 'savepoint-<savepoint id>');");
        }
    }
}
