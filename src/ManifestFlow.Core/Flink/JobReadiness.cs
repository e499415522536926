using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// IBM Event Processing's backup procedure, step 1: a savepoint can be taken only when the status shows a READY JobManager and a
/// RUNNING job. Without status nothing is known, so nothing blocks.
/// </summary>
public static class JobReadiness
{
    /// <summary>The status field that prevents a savepoint and what it says, or null when none does.</summary>
    public static (JsonPointer Pointer, string Problem)? Blocker(FlinkResource r)
    {
        if (r.BlueGreen is { } blueGreen)
        {
            return BlueGreenTemplate.Blocker(blueGreen);
        }
        if (r.Status is not { } status)
        {
            return null;
        }
        var jm = status["jobManagerDeploymentStatus"]?.AsText();
        if (r.Kind == ResourceKind.FlinkDeployment && jm != "READY")
        {
            return (JsonPointer.Of("status", "jobManagerDeploymentStatus"), $"status.jobManagerDeploymentStatus is {jm ?? "unset"}, not READY");
        }
        var state = status["jobStatus"]?["state"]?.AsText();
        return state == "RUNNING" ? null : (JsonPointer.Of("status", "jobStatus", "state"), $"status.jobStatus.state is {state ?? "unset"}, not RUNNING");
    }
}
