using System.Globalization;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>
/// Backup, restore and suspend of a FlinkBlueGreenDeployment, as its controller supports them (operator
/// source: FlinkBlueGreenDeploymentSpecDiff, BlueGreenDeploymentService, BlueGreenUtils). The plan edits
/// the template (<see cref="BlueGreenTemplate"/>); the controller passes it to the active child:
/// <list type="bullet">
/// <item>suspend: a change of <c>job.state</c> to suspended is an in-place SUSPEND of the active child,
/// which then stops as its upgradeMode says, like a FlinkDeployment;</item>
/// <item>restore: a new <c>savepointRedeployNonce</c> is a SAVEPOINT_REDEPLOY: the template is deployed as
/// the other child from <c>initialSavepointPath</c>, while the active child is READY;</item>
/// <item>backup: the controller has no savepoint trigger of its own, so a FlinkStateSnapshot asks for a
/// savepoint of the active child, which only the status names.</item>
/// </list>
/// </summary>
public static class BlueGreenOperations
{
    /// <summary>A snapshot of the active child, or a refusal naming what to do instead.</summary>
    private static string? UnsupportedBackupOption(BackupRequest request) =>
        request.Periodic is not null ? "--periodic"
        : request.HistoryMaxCount is not null || request.HistoryMaxAge is not null ? "--history-max-count/--history-max-age"
        : request.Checkpoint ? "--checkpoint"
        : request.FormatType is not null ? "--format-type"
        : request.BackoffLimit is not null ? "--backoff-limit"
        : request.SavepointDir is not null ? "--savepoint-dir"
        : null;

    public static string? Backup(PlanBuilder plan, BackupRequest request)
    {
        var bg = plan.Target.BlueGreen!;
        if (UnsupportedBackupOption(request) is { } option)
        {
            // Periodic savepoints, checkpoints and snapshot tuning are not wired through the blue/green
            // controller here: refuse rather than take a plain savepoint the user did not ask for.
            plan.Refuse(JsonPointer.Root,
                $"cannot back up FlinkBlueGreenDeployment {bg.Name} with {option}: ManifestFlow supports only a savepoint snapshot of the active child for a blue/green deployment; run backup without {option}, or back up the active child FlinkDeployment ({bg.Name}-blue or {bg.Name}-green) from its exported manifest");
            return null;
        }
        if (request.Method == BackupMethod.Nonce)
        {
            plan.Refuse(PlanBuilder.Job.Append("savepointTriggerNonce"),
                $"cannot back up FlinkBlueGreenDeployment {bg.Name} with a savepointTriggerNonce: the blue/green controller has no savepoint trigger of its own (it takes savepoints only before a transition), and a template change the spec diff ignores is passed on by redeploying the child (PATCH_CHILD), not as a trigger; back up with --method snapshot, which asks for a savepoint of the active child");
            return null;
        }
        if (!plan.RequireRunning("back up") || !plan.RequireSavepointDirectory("back up"))
        {
            return null;
        }
        if (BlueGreenTemplate.ActiveChild(bg) is not { } child)
        {
            plan.Refuse(BlueGreenTemplate.StatePointer,
                $"cannot back up FlinkBlueGreenDeployment {bg.Name}: a FlinkStateSnapshot must name the FlinkDeployment that runs the job, {bg.Name}-blue or {bg.Name}-green, and only the live status says which (status.blueGreenState ACTIVE_BLUE or ACTIVE_GREEN); export the resource with kubectl get flinkbluegreendeployment {bg.Name} -o yaml and back up that manifest");
            return null;
        }
        var name = request.SnapshotName ?? $"{bg.Name}-backup-{request.Now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        if (plan.Context.Find(ResourceKind.FlinkStateSnapshot, bg.Namespace, name) is { } existing)
        {
            if (existing.Text(JsonPointer.Of("spec", "jobReference", "name")) == child)
            {
                return "snapshot";
            }
            plan.Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: a FlinkStateSnapshot named {name} already exists in the input for another job; choose another with --snapshot-name");
            return null;
        }
        var metadata = new JsonObject { ["name"] = name };
        if (bg.Namespace.Length > 0)
        {
            metadata["namespace"] = bg.Namespace;
        }
        var snapshot = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkStateSnapshot",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["jobReference"] = new JsonObject { ["kind"] = "FlinkDeployment", ["name"] = child },
                ["savepoint"] = new JsonObject { ["alreadyExists"] = false, ["disposeOnDelete"] = false },
            },
        };
        var yaml = new YamlEmitter(new DocumentStyle(2, 2, "\n", false)).Block(snapshot, 0) + "\n";
        plan.Create(new NewResource(name + ".yaml", yaml, snapshot,
            $"a FlinkStateSnapshot asks the operator for a savepoint of {child}, the child FlinkDeployment the status shows ACTIVE; disposeOnDelete: false keeps the savepoint files when the snapshot resource is deleted"));
        plan.Warn(BlueGreenTemplate.StatePointer,
            $"the snapshot names {child}: apply it before the next blue/green transition, which replaces {child} by the other child and deletes it once the new one is ready (the savepoint files stay)");
        return "snapshot";
    }

    /// <summary>What a restore of a blue/green deployment does, and whether the controller can do it now.</summary>
    public static bool Restore(PlanBuilder plan, RestoreRequest request)
    {
        var bg = plan.Target.BlueGreen!;
        if (request.Recreate)
        {
            plan.Warn(JsonPointer.Root,
                $"re-created, FlinkBlueGreenDeployment {bg.Name} starts as {bg.Name}-blue (INITIALIZING_BLUE) from initialSavepointPath (BlueGreenUtils.prepareFlinkDeployment, first deployment)");
            return true;
        }
        if (plan.Target.Text(PlanBuilder.State) == "suspended")
        {
            plan.Warn(PlanBuilder.State,
                $"the template is suspended: setting it running is an in-place RESUME of the suspended child, which then starts from initialSavepointPath as its new savepointRedeployNonce asks");
            return true;
        }
        if (bg.Status is not null && BlueGreenTemplate.Blocker(bg) is var (pointer, problem))
        {
            plan.Refuse(pointer,
                $"cannot restore FlinkBlueGreenDeployment {bg.Name} now: {problem}; the controller starts a savepoint redeploy only from ACTIVE_BLUE or ACTIVE_GREEN with a READY child, and otherwise marks the deployment FAILING — wait until it is active (export it again with kubectl get -o yaml)");
            return false;
        }
        var (from, to) = BlueGreenTemplate.ActiveChild(bg) is { } active
            ? (active, active.EndsWith("-blue", StringComparison.Ordinal) ? bg.Name + "-green" : bg.Name + "-blue")
            : ("the active child", "the other child");
        plan.Warn(PlanBuilder.Job.Append("savepointRedeployNonce"),
            $"in a blue/green deployment the new savepointRedeployNonce is a savepoint redeploy (FlinkBlueGreenDeploymentSpecDiff SAVEPOINT_REDEPLOY): the controller deploys the template as {to} from initialSavepointPath without taking a savepoint of {from}, which keeps serving until {to} is ready and is then deleted: state written since that savepoint is not restored (back up first with manifestflow backup if it matters); if {to} does not become ready within kubernetes.operator.bluegreen.abort.grace-period the transition is aborted and {from} stays");
        return true;
    }

    /// <summary>A suspend is an in-place SUSPEND of the active child; nothing else differs from a FlinkDeployment's.</summary>
    public static void Suspend(PlanBuilder plan)
    {
        var bg = plan.Target.BlueGreen!;
        plan.Warn(PlanBuilder.State,
            $"in a blue/green deployment job.state: suspended is an in-place suspend (FlinkBlueGreenDeploymentSpecDiff SUSPEND): the controller patches the active child ({BlueGreenTemplate.ActiveChild(bg) ?? bg.Name + "-blue or " + bg.Name + "-green"}), which takes the savepoint and stops; no transition to the other child happens");
    }
}
