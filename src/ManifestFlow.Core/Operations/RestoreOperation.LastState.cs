using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>
/// restore --last-state: resume a suspended application deployment from the HA metadata it kept (state running,
/// no savepoint path). The operator resumes a suspended job in the upgrade mode it was suspended with, unless the
/// spec asks for stateless, and requires the HA metadata when that mode was last-state
/// (AbstractJobReconciler.reconcileSpecChange → restoreJob(requireHaMetadata); ApplicationReconciler.deploy).
/// </summary>
public sealed partial class RestoreOperation
{
    private static string? LastState(PlanBuilder plan, RestoreRequest request)
    {
        var target = plan.Target;
        if (target.Kind != ResourceKind.FlinkDeployment)
        {
            plan.Refuse(JsonPointer.Root, target.Kind == ResourceKind.FlinkCluster
                ? "cannot restore with --last-state: a FlinkCluster keeps no HA metadata for its operator to resume from; restore from its latest savepoint (--latest) instead"
                : "cannot restore with --last-state: a FlinkSessionJob has no HA metadata of its own (its session cluster's serves every job); restore it from a snapshot or savepoint (--latest, --snapshot, --savepoint-path)");
            return null;
        }
        if (request.Recreate || request.RestartFromSavepoint || request.PaimonTables.Count > 0 || request.AllowNonRestoredState)
        {
            plan.Refuse(JsonPointer.Root, "cannot restore with --last-state: it resumes the job exactly where its HA metadata left it, so --recreate (a new cluster has no HA metadata), --allow-non-restored-state, --restart-from-savepoint and --paimon-table do not apply; restore from a savepoint for those");
            return null;
        }
        var config = plan.Config;
        if (!config.HighAvailability)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
                "cannot restore with --last-state: high availability is off (high-availability.type is not set), so there is no HA metadata to resume from and the job would start from empty state; restore from a savepoint (--latest) instead");
            return null;
        }
        if (config.GetNonBlank(ConfigKeys.CheckpointDir) is null)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
                "cannot restore with --last-state: no checkpoint directory is configured, so the job has no checkpoints for its HA metadata to point at (the operator also requires one for last-state); restore from a savepoint instead");
            return null;
        }
        var last = ReconciledSpec.LastReconciled(target);
        var lastJob = last?["job"] as JsonObject;
        if (target.Status is not null && lastJob is null)
        {
            plan.Refuse(JsonPointer.Of("status"), "cannot restore with --last-state: the status has no lastReconciledSpec, so the job was never deployed and has no HA metadata; its first deployment starts from initialSavepointPath or empty state");
            return null;
        }
        if (lastJob is not null && !ResumeFrom(plan, last!, lastJob))
        {
            return null;
        }
        var nonce = target.At(Job.Append("savepointRedeployNonce"));
        if (lastJob is not null && nonce is not null && !JsonEquality.DeepEquals(nonce, lastJob["savepointRedeployNonce"]))
        {
            plan.Refuse(Job.Append("savepointRedeployNonce"),
                $"cannot restore with --last-state: savepointRedeployNonce {nonce.ToJsonString()} differs from the last reconciled one, so the operator would redeploy from initialSavepointPath instead of resuming from HA metadata (ReflectiveDiffBuilder: SAVEPOINT_REDEPLOY); set it back to {lastJob["savepointRedeployNonce"]?.ToJsonString() ?? "its reconciled value (remove it)"} first");
            return null;
        }
        var mode = target.Text(PlanBuilder.UpgradeMode) ?? "stateless";
        if (mode == "stateless")
        {
            plan.Steps.Set(PlanBuilder.UpgradeMode, "last-state",
                "a spec that asks for stateless resumes the job from empty state; in any other mode the operator resumes it the way it was suspended (AbstractJobReconciler.reconcileSpecChange)");
        }
        plan.Steps.Set(PlanBuilder.State, "running", lastJob?["upgradeMode"]?.AsText() == "savepoint"
            ? "resume: the job was suspended with a savepoint, so the operator starts it from status.jobStatus.upgradeSavepointPath"
            : "resume from HA metadata: the operator restarts the job from the latest checkpoint its HA metadata records (restoreJob with requireHaMetadata), no savepoint path involved");
        if (target.Text(Job.Append("initialSavepointPath")) is { } path && lastJob is not null)
        {
            plan.Warn(Job.Append("initialSavepointPath"), $"initialSavepointPath {path} stays in the spec but is not used: a deployed job resumes from its HA metadata, and the path is read only on a first deployment or a new savepointRedeployNonce");
        }
        if (lastJob is null)
        {
            plan.Warn(PlanBuilder.State, "the manifest has no status, so how the live job was suspended is unknown: suspended with last-state it resumes from its HA metadata, with a savepoint from that savepoint, and a resource never deployed starts from initialSavepointPath or empty state; export it with kubectl get -o yaml to check");
        }
        var ha = config.GetNonBlank(ConfigKeys.HaStorageDir)?.Value ?? "the HA storage directory";
        if (lastJob?["upgradeMode"]?.AsText() == "savepoint")
        {
            return "last-state";
        }
        plan.Warn(PlanBuilder.State,
            $"the resume needs the HA metadata (the job's HA ConfigMaps and {ha}): if they were deleted, the operator refuses to start the job (\"HA metadata not available ... Manual restore required.\", ApplicationReconciler) rather than start it empty; then restore from a savepoint (--latest)");
        return "last-state";
    }

    /// <summary>What the last reconciled spec says about resuming: suspended, in which mode, with which Flink.</summary>
    private static bool ResumeFrom(PlanBuilder plan, JsonObject last, JsonObject lastJob)
    {
        var target = plan.Target;
        var lastState = lastJob["state"]?.AsText() ?? "running";
        var lastMode = lastJob["upgradeMode"]?.AsText() ?? "stateless";
        if (lastState != "suspended")
        {
            var running = target.Text(JsonPointer.Of("status", "jobStatus", "state"));
            plan.Refuse(JsonPointer.Of("status", "reconciliationStatus", "lastReconciledSpec"),
                $"cannot restore with --last-state: the operator last deployed the job with state {lastState} (status.jobStatus.state {running ?? "unset"}), so there is no suspended job to resume; if it failed, the operator's own last-state upgrade already uses its HA metadata — change the spec, or restore from a savepoint (--latest)");
            return false;
        }
        if (lastMode == "stateless")
        {
            plan.Refuse(JsonPointer.Of("status", "reconciliationStatus", "lastReconciledSpec"),
                "cannot restore with --last-state: the job was suspended in stateless mode, which deletes its HA metadata, so it would start from empty state; restore from a savepoint (--latest) instead");
            return false;
        }
        if (lastMode == "last-state" && last["flinkVersion"]?.AsText() is { } before && target.Text(FlinkResource.SpecPointer.Append("flinkVersion")) is { } now && before != now)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkVersion"),
                $"cannot restore with --last-state: flinkVersion changed from {before} to {now} after a last-state suspend, and the operator rejects that (DefaultValidator: \"Changing flinkVersion after last-state suspend is not allowed. Restore your cluster with the current flinkVersion and perform the version upgrade afterwards.\"); set flinkVersion back to {before}, resume, then upgrade");
            return false;
        }
        return true;
    }
}
