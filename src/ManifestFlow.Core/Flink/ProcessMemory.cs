using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// Whether a role's memory is defined, as the operator's DefaultValidator decides it (validateJmSpec /
/// validateTmSpec): by <c>resource.memory</c>, by <c>resources.requests.memory</c> or
/// <c>resources.limits.memory</c> (ResourceConfigUtils.isMemoryDefined: Kubernetes defaults requests to
/// limits), or else by Flink's own memory options, which Flink's JobManagerProcessUtils /
/// TaskExecutorProcessUtils accept when the fine-grained sizes, the total Flink memory or the total
/// process memory are configured.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Any one suffices for the JobManager: the heap key is its fine-grained option, and the legacy heap keys are mapped onto it.</summary>
    private static readonly string[] JobManagerOptions =
        ["jobmanager.memory.process.size", "jobmanager.memory.flink.size", "jobmanager.memory.heap.size", "jobmanager.heap.size", "jobmanager.heap.mb"];

    private static readonly string[] TaskManagerTotals = ["taskmanager.memory.process.size", "taskmanager.memory.flink.size"];

    /// <summary>The TaskManager's fine-grained options count only together: task heap and managed memory (which has a deprecated alias).</summary>
    private const string TaskHeap = "taskmanager.memory.task.heap.size";

    private static readonly string[] ManagedMemory = ["taskmanager.memory.managed.size", "taskmanager.memory.size"];

    /// <summary>True when the role's spec sets memory (a null role spec sets nothing).</summary>
    public static bool IsDefinedInSpec(JsonObject? roleSpec) =>
        !string.IsNullOrWhiteSpace(roleSpec?["resource"]?["memory"]?.AsText())
        || roleSpec?["resources"]?["requests"]?["memory"] is not null
        || roleSpec?["resources"]?["limits"]?["memory"] is not null;

    /// <summary>The Flink option that defines the role's memory, or null when Flink could not derive it.</summary>
    public static ConfigEntry? DefinedInConfig(FlinkConfiguration config, string role)
    {
        foreach (var key in role == "jobManager" ? JobManagerOptions : TaskManagerTotals)
        {
            if (config.GetNonBlank(key) is { } entry)
            {
                return entry;
            }
        }
        return role != "jobManager" && config.GetNonBlank(TaskHeap) is { } heap && config.GetNonBlank(ManagedMemory) is not null ? heap : null;
    }
}
