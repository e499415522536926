using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// What a FlinkStateSnapshot's status says about restoring from it: the one reading of "completed with a
/// path" that the checks, the planner and review share.
/// </summary>
public sealed record SnapshotStatus(string? State, string? Path)
{
    public static readonly JsonPointer StatePointer = JsonPointer.Of("status", "state");
    public static readonly JsonPointer PathPointer = JsonPointer.Of("status", "path");

    public static SnapshotStatus Of(FlinkResource snapshot) =>
        new(snapshot.Text(StatePointer), snapshot.Text(PathPointer));

    public bool IsCompleted => State == "COMPLETED";

    /// <summary>COMPLETED and with a path: a savepoint exists to restore from.</summary>
    public bool IsRestorable => IsCompleted && !string.IsNullOrWhiteSpace(Path);

    /// <summary>The field that keeps the snapshot from being restorable: the state, else the path.</summary>
    public JsonPointer Blocker => IsCompleted ? PathPointer : StatePointer;

    /// <summary>Why it cannot be restored from, in the words the messages use.</summary>
    public string Problem => IsCompleted ? "its status.path is empty" : $"its status.state is {State ?? "unset"}";
}
