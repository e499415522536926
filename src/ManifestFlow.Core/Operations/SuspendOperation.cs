using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

public sealed record SuspendRequest(string Target, string? Namespace) : OperationRequest(Target, Namespace)
{
    public override IOperation Operation => SuspendOperation.Instance;
}

/// <summary>Suspend: stop a job with a savepoint so it can be restored later.</summary>
public sealed class SuspendOperation : IOperation
{
    public static readonly SuspendOperation Instance = new();

    private static readonly JsonPointer Job = PlanBuilder.Job;

    public string Name => "suspend";

    public string ConfigKind => "FlinkSuspend";

    public IReadOnlyDictionary<string, ConfigField> SpecFields { get; } = new Dictionary<string, ConfigField>();

    public OperationRequest Bind(JsonObject spec, string target, string? ns, ConfigOrigin origin) => new SuspendRequest(target, ns);

    public string? Plan(PlanBuilder plan, OperationRequest request)
    {
        var target = plan.Target;
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
        if (!plan.RequireRunning("suspend with a savepoint") || !plan.RequireSavepointDirectory("suspend with a savepoint"))
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
}
