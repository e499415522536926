using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

public sealed record SuspendRequest(string Target, string? Namespace) : OperationRequest(Target, Namespace)
{
    /// <summary>Stop the job keeping its HA metadata (upgradeMode last-state) instead of taking a savepoint.</summary>
    public bool LastState { get; init; }

    public override IOperation Operation => SuspendOperation.Instance;
}

/// <summary>Suspend: stop a job with a savepoint so it can be restored later.</summary>
public sealed class SuspendOperation : IOperation
{
    public static readonly SuspendOperation Instance = new();

    private static readonly JsonPointer Job = PlanBuilder.Job;

    public string Name => "suspend";

    public string ConfigKind => "FlinkSuspend";

    public IReadOnlyDictionary<string, ConfigField> SpecFields { get; } = new Dictionary<string, ConfigField>
    {
        ["lastState"] = ConfigField.Boolean,
    };

    public OperationRequest Bind(JsonObject spec, string target, string? ns, ConfigOrigin origin) => new SuspendRequest(target, ns)
    {
        LastState = ConfigValues.Flag(spec, "lastState"),
    };

    public string? Plan(PlanBuilder plan, OperationRequest request)
    {
        var target = plan.Target;
        if (((SuspendRequest)request).LastState)
        {
            return SuspendLastState(plan);
        }
        if (target.Kind == ResourceKind.FlinkCluster)
        {
            if (string.IsNullOrWhiteSpace(target.Text(Job.Append("savepointsDir"))))
            {
                plan.Refuse(Job.Append("savepointsDir"), "cannot suspend with a savepoint: spec.job.savepointsDir is not set, so cancelling would lose the job's state; set it first");
                return null;
            }
            plan.Steps.Set(Job.Append("cancelRequested"), true, "with savepointsDir set, the operator takes a savepoint and then cancels the job");
            return "cancel";
        }
        if (target.Text(PlanBuilder.State) == "suspended" && target.Text(PlanBuilder.UpgradeMode) == "savepoint")
        {
            return "savepoint";
        }
        if (JobReadiness.Blocker(target) is var (pointer, problem))
        {
            plan.Refuse(pointer, OperatorFacts.NotRunning(plan, "suspend with a savepoint", problem, suspending: true));
            return null;
        }
        if (!plan.RequireSavepointDirectory("suspend with a savepoint"))
        {
            return null;
        }
        if (target.BlueGreen is not null)
        {
            BlueGreenOperations.Suspend(plan);
        }
        plan.Steps.Set(PlanBuilder.UpgradeMode, "savepoint", "stop with savepoint: in savepoint mode the operator takes a savepoint before stopping the job");
        plan.Steps.Set(PlanBuilder.State, "suspended", "stop the job; restore later from the savepoint the operator records");
        return "savepoint";
    }

    /// <summary>
    /// Last-state suspend: the operator stops the job and keeps its HA metadata — the pointer to the latest
    /// checkpoint — instead of taking a savepoint (AbstractJobReconciler.getJobUpgrade: lastStateUsingCancel or
    /// lastStateUsingHaMeta), and resumes from it later (restoreJob with requireHaMetadata).
    /// </summary>
    private static string? SuspendLastState(PlanBuilder plan)
    {
        var target = plan.Target;
        if (target.Kind != ResourceKind.FlinkDeployment)
        {
            plan.Refuse(JsonPointer.Root, target.Kind == ResourceKind.FlinkCluster
                ? "cannot suspend with --last-state: a FlinkCluster has no last-state mode; suspend without --last-state to cancel it with a savepoint"
                : "cannot suspend with --last-state: a FlinkSessionJob has no HA metadata of its own (its session cluster's serves every job); suspend without --last-state to stop it with a savepoint");
            return null;
        }
        var config = plan.Config;
        if (!config.HighAvailability)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
                "cannot suspend with --last-state: high availability is off (high-availability.type is not set), so no HA metadata keeps the job's last checkpoint; suspend without --last-state to take a savepoint, or turn HA on first");
            return null;
        }
        if (config.GetNonBlank(ConfigKeys.CheckpointDir) is null)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
                "cannot suspend with --last-state: no checkpoint directory is configured, and last-state needs one (the operator's validator: \"Checkpoint directory[...] must be defined for last-state and savepoint upgrade modes\"); set execution.checkpointing.dir (or state.checkpoints.dir)");
            return null;
        }
        if (target.Text(PlanBuilder.State) == "suspended" && target.Text(PlanBuilder.UpgradeMode) == "last-state")
        {
            return "last-state";
        }
        if (JobReadiness.Blocker(target) is var (pointer, problem))
        {
            plan.Warn(pointer, $"{problem}: the operator still stops the job keeping its HA metadata, and the resume starts from the latest checkpoint recorded there, which may be older than the job's last progress");
        }
        plan.Steps.Set(PlanBuilder.UpgradeMode, "last-state", "last-state suspend: the operator stops the job and keeps its HA metadata (the latest checkpoint) instead of taking a savepoint");
        plan.Steps.Set(PlanBuilder.State, "suspended", "stop the job; restore later with manifestflow restore --last-state, which resumes from the HA metadata");
        var ha = config.GetNonBlank(ConfigKeys.HaStorageDir)?.Value ?? "the HA storage directory";
        plan.Warn(PlanBuilder.UpgradeMode,
            $"no savepoint is taken: the only restore point is the latest checkpoint, kept through the job's HA ConfigMaps and {ha}; deleting the FlinkDeployment or its HA ConfigMaps loses it, and flinkVersion cannot change until the job is resumed (DefaultValidator); suspend without --last-state for a savepoint that survives those");
        return "last-state";
    }
}
