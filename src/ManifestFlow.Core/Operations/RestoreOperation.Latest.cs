using System.Globalization;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>restore --latest: the newest restore point of the job that the inputs show.</summary>
public sealed partial class RestoreOperation
{
    /// <summary>One completed savepoint or checkpoint of the job, and when it was taken.</summary>
    private sealed record Candidate(DateTimeOffset Time, string Name, FlinkResource? Snapshot, string? Path, string? TriggerType);

    /// <summary>
    /// The newest of the job's COMPLETED snapshots in the inputs (by status.resultTimestamp, else
    /// metadata.creationTimestamp, the time the operator's own history cleanup orders by) and of the savepoints its
    /// status records (status.jobStatus.savepointInfo: lastSavepoint and savepointHistory, by timeStamp).
    /// </summary>
    private static RestorePoint? LatestPoint(PlanBuilder plan)
    {
        var target = plan.Target;
        var candidates = new List<Candidate>();
        var undated = new List<string>();
        foreach (var snapshot in plan.Context.Resources.Where(r => r.Kind == ResourceKind.FlinkStateSnapshot && SameNamespace(r, target) && IsOf(r, target)))
        {
            var status = SnapshotStatus.Of(snapshot);
            if (!status.IsRestorable)
            {
                continue;
            }
            var time = Timestamp(snapshot.Text(JsonPointer.Of("status", "resultTimestamp"))) ?? Timestamp(snapshot.Text(JsonPointer.Of("metadata", "creationTimestamp")));
            if (time is { } t)
            {
                candidates.Add(new Candidate(t, $"FlinkStateSnapshot {snapshot.Name}", snapshot, status.Path, snapshot.Text(OperatorFacts.TriggerTypeLabel)));
            }
            else
            {
                undated.Add(snapshot.Name);
            }
        }
        var info = target.At(JsonPointer.Of("status", "jobStatus", "savepointInfo")) as JsonObject;
        AddStatusSavepoint(candidates, info?["lastSavepoint"], "status.jobStatus.savepointInfo.lastSavepoint");
        if (info?["savepointHistory"] is JsonArray history)
        {
            for (var i = 0; i < history.Count; i++)
            {
                AddStatusSavepoint(candidates, history[i], $"status.jobStatus.savepointInfo.savepointHistory[{i}]");
            }
        }
        var skipped = undated.Count == 0 ? "" : $"; {undated.Count} completed snapshot(s) without status.resultTimestamp or metadata.creationTimestamp were not compared ({string.Join(", ", undated)})";
        if (candidates.Count == 0)
        {
            plan.Refuse(JsonPointer.Root,
                $"cannot restore {target} from the latest snapshot: the inputs hold no COMPLETED FlinkStateSnapshot of it with a path, and its status records no savepoint{skipped}; pass the snapshots too (kubectl get flinkstatesnapshot{(target.Namespace.Length > 0 ? $" -n {target.Namespace}" : "")} -o yaml)");
            return null;
        }
        var ordered = candidates.OrderByDescending(c => c.Time).ToList();
        var newest = ordered[0];
        var rival = ordered.Skip(1).FirstOrDefault(c => c.Time == newest.Time && c.Path?.Trim() != newest.Path?.Trim());
        if (rival is not null)
        {
            plan.Refuse(JsonPointer.Root, $"cannot restore {target} from the latest snapshot: {newest.Name} and {rival.Name} were both taken at {Show(newest.Time)} with different paths; name the one to use with --snapshot or --savepoint-path");
            return null;
        }
        var others = ordered.Skip(1).Where(c => c.Path?.Trim() != newest.Path?.Trim()).ToList();
        var why = $"; --latest: the newest of {candidates.Count} restore point(s) of {target.Kind} {target.Name} in the inputs, taken {Show(newest.Time)}" +
            (others.Count > 0 ? $", after {others[0].Name} ({Show(others[0].Time)})" : "") + skipped;
        if (newest.Snapshot is { } chosen)
        {
            return FromSnapshot(plan, chosen, newest.Name) is { } point ? point with { Chosen = why } : null;
        }
        if (newest.TriggerType is not null)
        {
            // The legacy history is disposed beyond the limits whatever the trigger type (SnapshotObserver.cleanupSavepointHistoryLegacy).
            var (count, age) = OperatorFacts.HistoryLimits(plan);
            plan.Warn(Job.Append("initialSavepointPath"),
                $"the savepoint in {newest.Name} is in the status's savepoint history, which the operator trims beyond {count} or older than {age}, disposing the savepoint files unless kubernetes.operator.savepoint.cleanup.enabled is false (SnapshotObserver.cleanupSavepointHistoryLegacy); restore soon, or copy the savepoint");
        }
        return new RestorePoint(newest.Path!.Trim(), $"the savepoint in {newest.Name} ({newest.Path!.Trim()})", Job.Append("initialSavepointPath")) { Chosen = why };
    }

    /// <summary>A snapshot of this job: its jobReference names it (a snapshot without one belongs to no job).</summary>
    private static bool IsOf(FlinkResource snapshot, FlinkResource target) =>
        snapshot.Text(JsonPointer.Of("spec", "jobReference", "name")) == target.Name &&
        (snapshot.Text(JsonPointer.Of("spec", "jobReference", "kind")) ?? "FlinkDeployment") == target.Kind.ToString();

    /// <summary>A legacy status savepoint: {location, timeStamp (epoch milliseconds), triggerType}.</summary>
    private static void AddStatusSavepoint(List<Candidate> candidates, JsonNode? entry, string where)
    {
        if (entry?["location"]?.AsText() is not { } location || string.IsNullOrWhiteSpace(location) ||
            entry["timeStamp"] is not JsonValue stamp || !long.TryParse(stamp.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
        {
            return;
        }
        if (candidates.Any(c => c.Snapshot is null && c.Path == location && c.Time == DateTimeOffset.FromUnixTimeMilliseconds(ms)))
        {
            return; // lastSavepoint is also the newest history entry
        }
        candidates.Add(new Candidate(DateTimeOffset.FromUnixTimeMilliseconds(ms), where, null, location, entry["triggerType"]?.AsText() ?? "UNKNOWN"));
    }

    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static string Show(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
