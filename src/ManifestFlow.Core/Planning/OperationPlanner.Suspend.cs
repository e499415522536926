using ManifestFlow.Core.Flink;

namespace ManifestFlow.Core.Planning;

public sealed partial class OperationPlanner
{
    /// <summary>Seeds 003/004: stop with a savepoint (savepoint mode, suspended).</summary>
    private string? Suspend()
    {
        if (_target.Kind == ResourceKind.FlinkCluster)
        {
            if (string.IsNullOrWhiteSpace(_target.Text(Job.Append("savepointsDir"))))
            {
                Refuse(Job.Append("savepointsDir"), "cannot suspend with a savepoint: spec.job.savepointsDir is not set, so cancelling would lose the job's state; set it first");
                return null;
            }
            _steps.Set(Job.Append("cancelRequested"), true, "with savepointsDir set, the operator takes a savepoint and then cancels the job (seed 002)");
            return "cancel";
        }
        if (_target.Text(State) == "suspended" && _target.Text(UpgradeMode) == "savepoint")
        {
            return "savepoint";
        }
        if (!RequireRunning("suspend with a savepoint") || !RequireSavepointDirectory("suspend with a savepoint"))
        {
            return null;
        }
        _steps.Set(UpgradeMode, "savepoint", "stop with savepoint: the operator takes a savepoint before stopping the job (seeds 003/004)");
        _steps.Set(State, "suspended", "stop the job; restore later from the savepoint the operator records");
        return "savepoint";
    }
}
