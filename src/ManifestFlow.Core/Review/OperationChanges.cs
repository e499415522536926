using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Review;

/// <summary>
/// What review says about the changes backup --periodic/--checkpoint/--savepoint-dir, restore --last-state and
/// suspend --last-state make, and a restore from a snapshot the operator created (its history cleanup deletes it),
/// so a hand-made change reads the same as one the commands made.
/// </summary>
internal static class OperationChanges
{
    private static readonly JsonPointer Job = FlinkResource.JobPointer;

    public static void Classify(FlinkResource? old, FlinkResource now, List<string> classes, List<Risk> risks, ValidationOutcome head, Func<JsonPointer, string> at)
    {
        if (now.Kind == ResourceKind.FlinkStateSnapshot)
        {
            if (old is null && now.At(JsonPointer.Of("spec", "checkpoint")) is not null)
            {
                classes.Add("checkpoint (owned by Flink: deleted once newer checkpoints are retained)");
            }
            return;
        }
        if (now.Kind is not (ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob))
        {
            return;
        }
        Periodic(old, now, classes);
        var (stateBefore, stateAfter) = (old?.Text(Job.Append("state")) ?? "running", now.Text(Job.Append("state")) ?? "running");
        var mode = now.Text(Job.Append("upgradeMode")) ?? "stateless";
        if (old is not null && stateBefore != stateAfter && mode == "last-state")
        {
            classes.Add(stateAfter == "suspended"
                ? "last-state suspend (no savepoint: the HA metadata keeps the latest checkpoint)"
                : "last-state resume (from the HA metadata, no savepoint path)");
        }
        var path = now.Text(Job.Append("initialSavepointPath"));
        if (path is not null && path != old?.Text(Job.Append("initialSavepointPath")))
        {
            Lifetime(now, path, risks, head, at);
        }
    }

    /// <summary>kubernetes.operator.periodic.savepoint.interval turned on, changed or off.</summary>
    private static void Periodic(FlinkResource? old, FlinkResource now, List<string> classes)
    {
        var before = old is null ? null : FlinkConfiguration.Of(old).GetNonBlank(ConfigKeys.PeriodicSavepointInterval)?.Value.Trim();
        var after = FlinkConfiguration.Of(now).GetNonBlank(ConfigKeys.PeriodicSavepointInterval)?.Value.Trim();
        if (before == after || (old is null && after is null))
        {
            return;
        }
        classes.Add(after is null ? "periodic savepoints off" : $"periodic savepoints every {after}");
    }

    /// <summary>
    /// A restore from a PERIODIC or UPGRADE snapshot: the operator's history cleanup deletes those beyond
    /// kubernetes.operator.savepoint.history.max.count/age (SnapshotObserver.getFlinkStateSnapshotsToCleanUp).
    /// </summary>
    private static void Lifetime(FlinkResource job, string path, List<Risk> risks, ValidationOutcome head, Func<JsonPointer, string> at)
    {
        var config = FlinkConfiguration.Of(job);
        foreach (var snapshot in head.Parsed.Where(s => s.Kind == ResourceKind.FlinkStateSnapshot && s.Namespace == job.Namespace && s.Text(JsonPointer.Of("status", "path")) == path))
        {
            var trigger = snapshot.Text(JsonPointer.Of("metadata", "labels", "snapshot.trigger-type"));
            if (trigger is not ("PERIODIC" or "UPGRADE"))
            {
                continue;
            }
            var count = config.Get("kubernetes.operator.savepoint.history.max.count")?.Value ?? "10 (default)";
            var age = config.Get("kubernetes.operator.savepoint.history.max.age")?.Value ?? "24h (default)";
            risks.Add(new Risk(RuleCatalog.OperationWarning.Id, Severity.Warning,
                $"the savepoint comes from FlinkStateSnapshot {snapshot.Name}, which the operator created (snapshot.trigger-type: {trigger}) and its history cleanup deletes beyond kubernetes.operator.savepoint.history.max.count {count} or max.age {age}; merge soon, or keep the savepoint in a FlinkStateSnapshot of your own with alreadyExists: true",
                at(Job.Append("initialSavepointPath"))));
        }
    }
}
