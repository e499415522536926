using System.Globalization;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>
/// backup --periodic: the operator takes the savepoints itself, on a schedule — the Flink Kubernetes operator's
/// kubernetes.operator.periodic.savepoint.interval (SnapshotUtils.shouldTriggerSnapshot, PERIODIC snapshots
/// kept within the savepoint history limits), or a FlinkCluster's autoSavepointSeconds.
/// </summary>
public sealed partial class BackupOperation
{
    /// <summary>The options of a backup taken now mean nothing to a schedule.</summary>
    private static bool RefuseMixedWithPeriodic(PlanBuilder plan, BackupRequest backup)
    {
        var mixed = new (bool Given, string Option)[]
        {
            (backup.Method is not null, "--method"), (backup.SnapshotName is not null, "--snapshot-name"), (backup.Nonce is not null, "--nonce"),
            (backup.Checkpoint, "--checkpoint"), (backup.FormatType is not null, "--format-type"), (backup.BackoffLimit is not null, "--backoff-limit"),
            (backup.SavepointDir is not null, "--savepoint-dir"),
        }.Where(o => o.Given).Select(o => o.Option).ToList();
        if (mixed.Count == 0)
        {
            return false;
        }
        plan.Refuse(JsonPointer.Root, $"cannot back up: --periodic turns on the operator's own savepoint schedule, and {string.Join(", ", mixed)} describe{(mixed.Count == 1 ? "s" : "")} one savepoint taken now; run them as two backups");
        return true;
    }

    private static string? Periodic(PlanBuilder plan, BackupRequest backup)
    {
        var text = backup.Periodic!.Trim();
        if (FlinkDuration.LooksLikeCron(text))
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: '{text}' looks like a Quartz cron expression; the operator accepts one, but this tool cannot check it, and one it rejects turns periodic savepoints off with only a log line (SnapshotUtils.shouldTriggerAutomaticSnapshot); give an interval such as 6h, or set {ConfigKeys.PeriodicSavepointInterval} by hand");
            return null;
        }
        if (FlinkDuration.Parse(text, out var error) is not { } interval)
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: --periodic '{text}' is not a Flink duration: {error}; the operator would ignore it and take no periodic savepoints (SnapshotUtils.interpretAsInterval)");
            return null;
        }
        if (interval <= TimeSpan.Zero)
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: --periodic '{text}' is zero, which turns periodic savepoints off (SnapshotUtils.shouldTriggerIntervalBasedSnapshot); give an interval such as 6h");
            return null;
        }
        return plan.Target.Kind == ResourceKind.FlinkCluster ? PeriodicCluster(plan, backup, interval) : PeriodicOperator(plan, backup, text, interval);
    }

    private static string? PeriodicOperator(PlanBuilder plan, BackupRequest backup, string text, TimeSpan interval)
    {
        if (!plan.RequireSavepointDirectory("turn on periodic savepoints"))
        {
            return null; // the operator's validator refuses it too: "Periodic savepoints cannot be enabled when config key[...] is not set"
        }
        TimeSpan? maxAge = null;
        if (backup.HistoryMaxAge is { } ageText)
        {
            maxAge = FlinkDuration.Parse(ageText, out var ageError);
            if (maxAge is null || maxAge <= TimeSpan.Zero)
            {
                plan.Refuse(JsonPointer.Root, $"cannot back up: --history-max-age '{ageText}' is not a positive Flink duration{(ageError is null ? "" : $": {ageError}")}; give one such as 7d");
                return null;
            }
        }
        if (backup.HistoryMaxCount is < 1)
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: --history-max-count {backup.HistoryMaxCount} keeps no savepoint (the operator counts at least 1, SnapshotObserver.getMaxCountForSnapshotType); give 1 or more");
            return null;
        }
        var dir = plan.Config.GetNonBlank(ConfigKeys.SavepointDir)!;
        plan.Steps.Set(OperatorFacts.ConfigPointer(plan, ConfigKeys.PeriodicSavepointInterval), text,
            $"the operator triggers a savepoint into {dir.Value} when {FlinkDuration.Format(interval)} have passed since the last one, during its reconcile loop and only while the job runs (SnapshotUtils.shouldTriggerSnapshot; no guarantee of timely execution)");
        if (backup.HistoryMaxCount is { } count)
        {
            plan.Steps.Set(OperatorFacts.ConfigPointer(plan, OperatorFacts.HistoryMaxCount), count.ToString(CultureInfo.InvariantCulture),
                "the operator keeps at most this many of the savepoints it created itself (periodic and upgrade), deleting older ones (SnapshotObserver)");
        }
        if (backup.HistoryMaxAge is { } age)
        {
            plan.Steps.Set(OperatorFacts.ConfigPointer(plan, OperatorFacts.HistoryMaxAge), age.Trim(),
                "the operator deletes the savepoints it created itself once older than this, keeping at least the newest completed one (SnapshotObserver)");
        }
        var (countLimit, ageLimit) = OperatorFacts.HistoryLimits(plan);
        var keeps = (backup.HistoryMaxCount is null ? countLimit : $"{OperatorFacts.HistoryMaxCount}: {backup.HistoryMaxCount}") + " and " +
                    (backup.HistoryMaxAge is null ? ageLimit : $"{OperatorFacts.HistoryMaxAge}: {backup.HistoryMaxAge.Trim()}");
        var dispose = plan.Config.IsTrue(OperatorFacts.DisposeOnDelete) ? $", and with {OperatorFacts.DisposeOnDelete}: true their savepoint files too" : "";
        plan.Warn(OperatorFacts.ConfigPointer(plan, ConfigKeys.PeriodicSavepointInterval), plan.Config.IsFalse(ConfigKeys.SnapshotResourcesEnabled)
            ? $"with {ConfigKeys.SnapshotResourcesEnabled}: false the periodic savepoints are recorded in status.jobStatus.savepointInfo.savepointHistory, which the operator trims beyond {keeps}, disposing the savepoint files unless kubernetes.operator.savepoint.cleanup.enabled is false (SnapshotObserver.cleanupSavepointHistoryLegacy; the operator's own *.threshold settings can lower the limits); take a backup without --periodic for a savepoint that must outlive them"
            : $"periodic savepoints are PERIODIC snapshots, which the operator's history cleanup deletes beyond {keeps} (SnapshotObserver; the operator's own *.threshold settings can lower them){dispose}; take a backup without --periodic for a savepoint that must outlive them");
        if (maxAge is { } a && a < interval)
        {
            plan.Warn(OperatorFacts.ConfigPointer(plan, OperatorFacts.HistoryMaxAge),
                $"--history-max-age {backup.HistoryMaxAge!.Trim()} is shorter than the interval {FlinkDuration.Format(interval)}: every periodic savepoint but the newest completed one is deleted before the next is taken");
        }
        return "periodic";
    }

    /// <summary>
    /// FlinkCluster: autoSavepointSeconds, a whole number of seconds (int32). Without savepointsDir the operator
    /// silently skips it (flinkcluster_util.go canTakeSavepoint) and its webhook rejects the job update.
    /// </summary>
    private static string? PeriodicCluster(PlanBuilder plan, BackupRequest backup, TimeSpan interval)
    {
        if (backup.HistoryMaxCount is not null || backup.HistoryMaxAge is not null)
        {
            plan.Refuse(JsonPointer.Root, "cannot back up: a FlinkCluster has no savepoint history limits (its operator keeps no snapshot history); omit --history-max-count and --history-max-age");
            return null;
        }
        if (string.IsNullOrWhiteSpace(plan.Target.Text(Job.Append("savepointsDir"))))
        {
            plan.Refuse(Job.Append("savepointsDir"), "cannot back up: spec.job.savepointsDir is not set, and without it the operator silently takes no automatic savepoints (canTakeSavepoint) and its webhook rejects the job update; set it first");
            return null;
        }
        if (interval.Ticks % TimeSpan.TicksPerSecond != 0 || interval.TotalSeconds > int.MaxValue)
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: a FlinkCluster's autoSavepointSeconds is a whole number of seconds up to {int.MaxValue}, and {backup.Periodic!.Trim()} is not");
            return null;
        }
        var seconds = (long)interval.TotalSeconds;
        plan.Steps.Set(Job.Append("autoSavepointSeconds"), seconds,
            $"the operator takes a savepoint into spec.job.savepointsDir every {seconds} seconds ({FlinkDuration.Format(interval)}) while the job runs (flinkcluster_reconciler.go shouldTakeSavepoint); it keeps no history, so old savepoints stay until deleted by hand");
        return "autoSavepointSeconds";
    }
}
