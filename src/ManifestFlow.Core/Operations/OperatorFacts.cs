using System.Globalization;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>
/// What the Flink Kubernetes operator does that more than one operation must say: the Flink version a job
/// runs, where a configuration key of the target is written, what happens to a job that is not running,
/// how long the operator keeps the snapshots it created, and whether a local directory survives a restart.
/// </summary>
internal static class OperatorFacts
{
    public const string HistoryMaxCount = "kubernetes.operator.savepoint.history.max.count";
    public const string HistoryMaxAge = "kubernetes.operator.savepoint.history.max.age";
    public const string DisposeOnDelete = "kubernetes.operator.savepoint.dispose-on-delete";
    public const string LastStateFallback = "kubernetes.operator.job.upgrade.last-state-fallback.enabled";

    /// <summary>The operator's label on the snapshots it creates (CrdConstants.LABEL_SNAPSHOT_TRIGGER_TYPE).</summary>
    public static readonly JsonPointer TriggerTypeLabel = JsonPointer.Of("metadata", "labels", "snapshot.trigger-type");

    /// <summary>The job's flinkVersion as (major, minor): a session job runs in its session cluster's Flink.</summary>
    public static (int Major, int Minor)? FlinkVersion(PlanBuilder plan)
    {
        var holder = plan.Target.Kind == ResourceKind.FlinkSessionJob ? plan.Context.SessionCluster(plan.Target) : plan.Target;
        var text = holder?.Text(FlinkResource.SpecPointer.Append("flinkVersion"));
        var parts = text?.TrimStart('v').Split('_', '.');
        return parts is [var major, var minor, ..] &&
            int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var a) &&
            int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? (a, b) : null;
    }

    /// <summary>
    /// Where to write a Flink configuration key of the target: where the target already sets it (flat or
    /// nested), else a flat key in its own flinkConfiguration (a session cluster's value is not the job's to edit).
    /// </summary>
    public static JsonPointer ConfigPointer(PlanBuilder plan, string key) =>
        plan.Config.Get(key) is { } entry && ReferenceEquals(entry.Source, plan.Target)
            ? entry.Pointer
            : FlinkResource.SpecPointer.Append("flinkConfiguration").Append(key);

    /// <summary>
    /// Why a savepoint cannot be taken of a job that is not running, and — with HA on — what the operator
    /// does instead: a snapshot is ABANDONED (FlinkStateSnapshotUtils.abandonSnapshotIfJobNotRunning), but a
    /// savepoint-mode upgrade or suspend falls back to last-state when the fallback is enabled (the default),
    /// restoring from the checkpoint in the HA metadata (AbstractJobReconciler.getJobUpgrade,
    /// ApplicationReconciler.getJobUpgrade: "HA metadata is available for last state restore").
    /// </summary>
    public static string NotRunning(PlanBuilder plan, string doing, string problem, bool suspending)
    {
        var config = plan.Config;
        if (plan.Target.Kind != ResourceKind.FlinkDeployment || !config.HighAvailability)
        {
            return $"cannot {doing}: {problem}; a savepoint can only be taken of a running job — wait until it runs (export the resource again with kubectl get -o yaml), or restore from the last completed savepoint";
        }
        var ha = config.GetNonBlank(ConfigKeys.HaStorageDir)?.Value ?? "the HA storage directory";
        if (!suspending)
        {
            return $"cannot {doing}: {problem}, so the operator abandons a snapshot request (FlinkStateSnapshotUtils.abandonSnapshotIfJobNotRunning) and no savepoint is taken; with HA on, the job's latest completed checkpoint stays in its HA metadata ({ha}), and the operator's next upgrade or `manifestflow restore --last-state` resumes from it — back up once the job runs again";
        }
        if (config.IsFalse(LastStateFallback))
        {
            return $"cannot {doing}: {problem}, and with {LastStateFallback}: false the operator does not fall back to last-state: it waits until the job runs (AbstractJobReconciler.getJobUpgrade) and the suspend stays pending; wait, or suspend with --last-state to keep the HA metadata instead of a savepoint";
        }
        return $"cannot {doing}: {problem}, so no savepoint can be taken; with HA on, the operator falls back to last-state (AbstractJobReconciler.getJobUpgrade, {LastStateFallback} defaults to true): it stops the job keeping its HA metadata ({ha}), and the restore resumes from the latest checkpoint there, not from a savepoint; ask for that explicitly with `manifestflow suspend --last-state`";
    }

    /// <summary>The history limits that apply to the target's operator-created snapshots, and where each comes from.</summary>
    public static (string Count, string Age) HistoryLimits(PlanBuilder plan)
    {
        var count = plan.Config.Get(HistoryMaxCount) is { } c ? $"{HistoryMaxCount}: {c.Value}" : $"{HistoryMaxCount} (default 10)";
        var age = plan.Config.Get(HistoryMaxAge) is { } a ? $"{HistoryMaxAge}: {a.Value}" : $"{HistoryMaxAge} (default 24h)";
        return (count, age);
    }

    /// <summary>
    /// The operator deletes the PERIODIC and UPGRADE snapshots it created once the history limits are passed
    /// (SnapshotObserver.getFlinkStateSnapshotsToCleanUp keeps only the newest completed one beyond them), and
    /// their savepoint files too when they dispose on delete.
    /// </summary>
    public static string? Lifetime(PlanBuilder plan, FlinkResource snapshot)
    {
        var trigger = snapshot.Text(TriggerTypeLabel);
        if (trigger is not ("PERIODIC" or "UPGRADE"))
        {
            return null;
        }
        var (count, age) = HistoryLimits(plan);
        var dispose = snapshot.At(JsonPointer.Of("spec", "savepoint", "disposeOnDelete"))?.ToJsonString() == "true"
            ? "; it sets disposeOnDelete: true, so the savepoint files are deleted with it"
            : "";
        return $"FlinkStateSnapshot {snapshot.Name} was created by the operator (snapshot.trigger-type: {trigger}), and the operator's history cleanup deletes such snapshots beyond {count} or older than {age} (SnapshotObserver){dispose}; restore before it is cleaned up, or keep the savepoint by copying it and recording it in a FlinkStateSnapshot of your own with alreadyExists: true";
    }

    /// <summary>A local directory that is not on storage surviving a pod restart: the reason, else null.</summary>
    public static string? LosesState(PlanBuilder plan, StorageUri uri, string what, JsonPointer pointer)
    {
        if (!uri.IsLocal)
        {
            return null;
        }
        var pods = plan.Target.Kind == ResourceKind.FlinkSessionJob ? plan.Context.SessionCluster(plan.Target) : plan.Target;
        if (pods is null)
        {
            return null;
        }
        var claims = plan.Context.MayShareNamespace(ResourceKind.PersistentVolumeClaim, pods.Namespace);
        return DirectoryStorage.Problems(pods, plan.Target, pointer, what, uri, PodTemplates.Roles, claims).FirstOrDefault(p => p.LosesState)?.Message;
    }
}
