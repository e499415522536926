using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>The operator's change rules that ManifestFlow checks offline.</summary>
public enum SpecChangeKind
{
    /// <summary>DefaultValidator.validateFlinkVersion: flinkVersion changed after a last-state suspend.</summary>
    FlinkVersionAfterLastStateSuspend,

    /// <summary>DefaultValidator.validateSpecChange: session ↔ application, native ↔ standalone.</summary>
    ClusterModeSwitch,

    /// <summary>DefaultValidator.validateSpecChange (FlinkSessionJob): deploymentName changed.</summary>
    DeploymentNameChanged,

    /// <summary>AbstractJobReconciler: the new spec's upgradeMode decides how the running job is upgraded or resumed.</summary>
    UpgradeDropsState,

    /// <summary>A state directory moved while the job runs.</summary>
    DirectoryMoved,
}

/// <summary>One change the operator would reject, or that silently changes what happens to the job's state.</summary>
public sealed record SpecChange(SpecChangeKind Kind, JsonPointer Pointer, string Message);

/// <summary>
/// What the operator does with a spec change, compared the way it compares: the new spec against the
/// one it last acted on (validate: <c>status.reconciliationStatus.lastReconciledSpec</c>; review: the
/// base tree's spec). Pointers are into the new resource.
/// </summary>
public static class SpecChanges
{
    private static readonly JsonPointer Spec = FlinkResource.SpecPointer;
    private static readonly JsonPointer Job = FlinkResource.JobPointer;

    /// <param name="before">The spec the operator last acted on.</param>
    /// <param name="running">Whether the job runs under that spec (unknown counts as running: the safe side).</param>
    public static IReadOnlyList<SpecChange> Between(JsonObject before, FlinkResource now, bool running)
    {
        var changes = new List<SpecChange>();
        if (now.Spec is not { } after)
        {
            return changes;
        }
        if (now.Kind == ResourceKind.FlinkSessionJob)
        {
            if (Text(before["deploymentName"]) is { } was && Text(after["deploymentName"]) is var name && name != was)
            {
                changes.Add(new(SpecChangeKind.DeploymentNameChanged, Spec.Append("deploymentName"),
                    $"deploymentName changes from {was} to {name ?? "unset"}: the operator rejects this (\"The deploymentName can't be changed\"); a session job stays on its cluster — delete it and create a new one on {name ?? "the other cluster"}, starting from a savepoint (initialSavepointPath)"));
            }
        }
        else if (now.Kind == ResourceKind.FlinkDeployment)
        {
            ClusterMode(before, after, changes);
            FlinkVersion(before, after, changes);
        }
        if (now.Kind is ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob)
        {
            UpgradeMode(before, after, running, now.BlueGreen is not null, changes);
            if (running)
            {
                Directories(before, now, changes);
            }
        }
        return changes;
    }

    /// <summary>DefaultValidator.validateSpecChange (operator source, "Cannot switch from …").</summary>
    private static void ClusterMode(JsonObject before, JsonObject after, List<SpecChange> changes)
    {
        var (hadJob, hasJob) = (before["job"] is not null, after["job"] is not null);
        if (hadJob != hasJob && IsWhole(before))
        {
            var said = hasJob ? "Cannot switch from session to job cluster" : "Cannot switch from job to session cluster";
            changes.Add(new(SpecChangeKind.ClusterModeSwitch, hasJob ? Job : Spec,
                $"spec.job is {(hasJob ? "added to a session cluster" : "removed from an application cluster")}: the operator rejects this (\"{said}\"); create a new FlinkDeployment for the {(hasJob ? "application" : "session cluster")} and delete this one when its state is saved"));
        }
        var (wasMode, mode) = (Text(before["mode"]) ?? "native", Text(after["mode"]) ?? "native");
        if (wasMode != mode && wasMode is "native" or "standalone" && (before.ContainsKey("mode") || IsWhole(before)))
        {
            var said = wasMode == "native" ? "Cannot switch from native kubernetes to standalone kubernetes cluster" : "Cannot switch from standalone kubernetes to native kubernetes cluster";
            changes.Add(new(SpecChangeKind.ClusterModeSwitch, Spec.Append("mode"),
                $"mode changes from {wasMode} to {mode}: the operator rejects this (\"{said}\"); take a savepoint, delete the deployment and create it in {mode} mode with initialSavepointPath"));
        }
    }

    /// <summary>DefaultValidator.validateFlinkVersion: last-state keeps HA metadata written by the old Flink.</summary>
    private static void FlinkVersion(JsonObject before, JsonObject after, List<SpecChange> changes)
    {
        if (before["job"] is not JsonObject wasJob || after["job"] is not JsonObject job || (Text(job["upgradeMode"]) ?? "stateless") == "stateless")
        {
            return;
        }
        var (was, version) = (Text(before["flinkVersion"]), Text(after["flinkVersion"]));
        if (Text(wasJob["state"]) == "suspended" && Text(wasJob["upgradeMode"]) == "last-state" && was is not null && was != version)
        {
            changes.Add(new(SpecChangeKind.FlinkVersionAfterLastStateSuspend, Spec.Append("flinkVersion"),
                $"flinkVersion changes from {was ?? "unset"} to {version ?? "unset"} while the job is suspended with last-state: the operator rejects this (\"Changing flinkVersion after last-state suspend is not allowed. Restore your cluster with the current flinkVersion and perform the version upgrade afterwards.\"); resume with {was ?? "the old version"} first, then upgrade"));
        }
    }

    /// <summary>
    /// AbstractJobReconciler.getJobUpgrade takes the new spec's upgradeMode: stateless cancels the
    /// running job without a savepoint and starts the new one empty; resuming a suspended job with
    /// stateless does not inherit the old mode ("We inherit the upgrade mode unless stateless upgrade
    /// requested") and starts it empty too. A change of upgradeMode alone is ignored by the spec diff.
    /// </summary>
    private static void UpgradeMode(JsonObject before, JsonObject after, bool running, bool blueGreen, List<SpecChange> changes)
    {
        if (before["job"] is not JsonObject wasJob || after["job"] is not JsonObject job)
        {
            return;
        }
        var (wasMode, mode) = (Text(wasJob["upgradeMode"]) ?? "stateless", Text(job["upgradeMode"]) ?? "stateless");
        if (mode != "stateless" || wasMode == "stateless")
        {
            return;
        }
        var (wasState, state) = (Text(wasJob["state"]) ?? "running", Text(job["state"]) ?? "running");
        var resumes = wasState == "suspended" && state == "running";
        var upgrades = running && wasState == "running" && state == "running" && Upgrades(before, after);
        if (upgrades && blueGreen)
        {
            // BlueGreenUtils.isSavepointRequired is false for stateless: the new child gets no savepoint.
            changes.Add(new(SpecChangeKind.UpgradeDropsState, Job.Append("upgradeMode"),
                $"upgradeMode changes from {wasMode} to stateless in the same change that starts a blue/green transition: the controller deploys the other child without taking a savepoint of the active one, so the new job starts from empty state and the state is lost when the old child is deleted; keep {wasMode} for this change"));
        }
        else if (resumes || upgrades)
        {
            changes.Add(new(SpecChangeKind.UpgradeDropsState, Job.Append("upgradeMode"),
                $"upgradeMode changes from {wasMode} to stateless in the same change that {(resumes ? "resumes the suspended job" : "upgrades the running job")}: the operator {(resumes ? "starts it" : "cancels it without a savepoint and starts the new job")} from empty state, so its state is lost; keep {wasMode} for this change (switch to stateless in a later one, if at all)"));
        }
    }

    /// <summary>
    /// Whether the operator's spec diff (ReflectiveDiffBuilder) sees an upgrade: any spec change except
    /// the fields it ignores (upgradeMode, the trigger nonces, initialSavepointPath,
    /// allowNonRestoredState: JobSpec's @SpecDiff(IGNORE)) and operator settings in flinkConfiguration.
    /// </summary>
    public static bool Upgrades(JsonObject before, JsonObject after)
    {
        static JsonObject Relevant(JsonObject spec)
        {
            var copy = (JsonObject)spec.DeepClone();
            if (copy["job"] is JsonObject job)
            {
                foreach (var ignored in new[] { "upgradeMode", "savepointTriggerNonce", "checkpointTriggerNonce", "initialSavepointPath", "allowNonRestoredState", "autoscalerResetNonce", "state" })
                {
                    job.Remove(ignored);
                }
            }
            if (copy["flinkConfiguration"] is JsonObject config)
            {
                foreach (var key in config.Select(e => e.Key).Where(k => k.StartsWith("kubernetes.operator.", StringComparison.Ordinal)).ToList())
                {
                    config.Remove(key);
                }
            }
            return copy;
        }
        var (was, now) = (Relevant(before), Relevant(after));
        if (!IsWhole(before))
        {
            // A hand-written partial spec: compare only what it records.
            return was.Any(e => !JsonEquality.DeepEquals(e.Value, now[e.Key]));
        }
        return !JsonEquality.DeepEquals(was, now);
    }

    /// <summary>
    /// A spec the operator recorded is whole (flinkVersion is required, DefaultValidator.validateFlinkVersion);
    /// a partial one, as in hand-written examples, cannot show that a field was absent.
    /// </summary>
    private static bool IsWhole(JsonObject spec) => spec.ContainsKey("flinkVersion") || spec.ContainsKey("deploymentName");

    /// <summary>Checkpoint, savepoint or HA directory changed: what the running job wrote stays in the old place.</summary>
    private static void Directories(JsonObject before, FlinkResource now, List<SpecChange> changes)
    {
        if (before["flinkConfiguration"] is not JsonObject)
        {
            return; // a hand-written partial spec says nothing about the directories
        }
        var a = FlinkConfiguration.Of(now.WithSpec(before));
        var b = FlinkConfiguration.Of(now);
        var moved = new[] { ("checkpoint", ConfigKeys.CheckpointDir), ("savepoint", ConfigKeys.SavepointDir), ("high-availability storage", ConfigKeys.HaStorageDir) }
            .Where(d => a.Get(d.Item2)?.Value != b.Get(d.Item2)?.Value).ToList();
        if (moved.Count == 0)
        {
            return;
        }
        var names = string.Join(", ", moved.Select(c => $"{c.Item1} directory ({a.Get(c.Item2)?.Value ?? "unset"} -> {b.Get(c.Item2)?.Value ?? "unset"})"));
        var pointer = b.Get(moved[0].Item2)?.Pointer ?? Spec.Append("flinkConfiguration");
        changes.Add(new(SpecChangeKind.DirectoryMoved, pointer,
            $"the {names} changes under a running job: existing checkpoints, savepoints and HA metadata stay in the old place, so a last-state upgrade or a restore from the latest checkpoint will not find them; take a savepoint first and restore from it explicitly"));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
