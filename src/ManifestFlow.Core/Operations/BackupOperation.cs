using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>How a backup asks for a savepoint.</summary>
public enum BackupMethod
{
    /// <summary>A new FlinkStateSnapshot (operator 1.10 and later).</summary>
    Snapshot,

    /// <summary>A savepointTriggerNonce never used before (the legacy way).</summary>
    Nonce,

    /// <summary>FlinkCluster: savepointGeneration = the status generation + 1.</summary>
    Generation,
}

public sealed record BackupRequest(string Target, string? Namespace) : OperationRequest(Target, Namespace)
{
    /// <summary>Snapshot or nonce; null takes the default (snapshot). FlinkClusters always use the generation.</summary>
    public BackupMethod? Method { get; init; }

    public string? SnapshotName { get; init; }

    public long? Nonce { get; init; }

    /// <summary>A checkpoint instead of a savepoint: a snapshot with spec.checkpoint, or a checkpointTriggerNonce.</summary>
    public bool Checkpoint { get; init; }

    /// <summary>The savepoint's format on a snapshot backup: CANONICAL (the operator's default) or NATIVE.</summary>
    public string? FormatType { get; init; }

    /// <summary>The snapshot's retry count: -1 retries for ever (the operator's default), 0 never.</summary>
    public long? BackoffLimit { get; init; }

    /// <summary>Where a snapshot backup writes the savepoint (spec.savepoint.path), instead of the job's savepoint directory.</summary>
    public string? SavepointDir { get; init; }

    /// <summary>Turn on the operator's periodic savepoints at this Flink duration instead of taking one now.</summary>
    public string? Periodic { get; init; }

    public long? HistoryMaxCount { get; init; }

    public string? HistoryMaxAge { get; init; }

    public override IOperation Operation => BackupOperation.Instance;
}

/// <summary>
/// Backup: take a savepoint of a running job, as IBM Event Processing's backup procedure and the
/// operator's snapshot resource do, or through a FlinkCluster's savepoint generation.
/// </summary>
public sealed partial class BackupOperation : IOperation
{
    public static readonly BackupOperation Instance = new();

    private static readonly JsonPointer Job = PlanBuilder.Job;

    public string Name => "backup";

    public string ConfigKind => "FlinkBackup";

    public IReadOnlyDictionary<string, ConfigField> SpecFields { get; } = new Dictionary<string, ConfigField>
    {
        ["method"] = ConfigField.OneOf("snapshot", "nonce"),
        ["snapshotName"] = ConfigField.String,
        ["nonce"] = ConfigField.Integer,
        ["checkpoint"] = ConfigField.Boolean,
        ["formatType"] = ConfigField.OneOf("CANONICAL", "NATIVE"),
        ["backoffLimit"] = ConfigField.Integer,
        ["savepointDir"] = ConfigField.String,
        ["periodic"] = ConfigField.String,
        ["historyMaxCount"] = ConfigField.Integer,
        ["historyMaxAge"] = ConfigField.String,
    };

    public static BackupMethod? ParseMethod(string? text) => text switch
    {
        null => null,
        "snapshot" => BackupMethod.Snapshot,
        "nonce" => BackupMethod.Nonce,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a backup method"),
    };

    public OperationRequest Bind(JsonObject spec, string target, string? ns, ConfigOrigin origin) => new BackupRequest(target, ns)
    {
        Method = ParseMethod(ConfigValues.Text(spec, "method")),
        // A config resource is rendered again on every refresh: its snapshot's name must not come from
        // the clock, or every render would ask for another savepoint.
        // A schedule (periodic) names no snapshot.
        SnapshotName = ConfigValues.Text(spec, "snapshotName") ?? (spec["periodic"] is null ? $"{target}-{origin.Name}" : null),
        Nonce = ConfigValues.Integer(spec, "nonce"),
        Checkpoint = ConfigValues.Flag(spec, "checkpoint"),
        FormatType = ConfigValues.Text(spec, "formatType"),
        BackoffLimit = ConfigValues.Integer(spec, "backoffLimit"),
        SavepointDir = ConfigValues.Text(spec, "savepointDir"),
        Periodic = ConfigValues.Text(spec, "periodic"),
        HistoryMaxCount = ConfigValues.Integer(spec, "historyMaxCount"),
        HistoryMaxAge = ConfigValues.Text(spec, "historyMaxAge"),
    };

    public string? Plan(PlanBuilder plan, OperationRequest request)
    {
        var backup = (BackupRequest)request;
        if (plan.Target.BlueGreen is not null)
        {
            return BlueGreenOperations.Backup(plan, backup);
        }
        if (backup.Periodic is not null)
        {
            return RefuseMixedWithPeriodic(plan, backup) ? null : Periodic(plan, backup);
        }
        if (backup.HistoryMaxCount is not null || backup.HistoryMaxAge is not null)
        {
            plan.Refuse(JsonPointer.Root, "cannot back up: the history limits apply to the operator's periodic savepoints; give them with --periodic INTERVAL");
            return null;
        }
        if (plan.Target.Kind == ResourceKind.FlinkCluster)
        {
            return RefuseSnapshotOptions(plan, backup, "a FlinkCluster's savepoint generation") ? null : BackupCluster(plan);
        }
        var method = backup.Method ?? BackupMethod.Snapshot;
        if (method == BackupMethod.Nonce && RefuseSnapshotOptions(plan, backup, "the savepointTriggerNonce method"))
        {
            return null;
        }
        if (method == BackupMethod.Snapshot && plan.Config.IsFalse(ConfigKeys.SnapshotResourcesEnabled))
        {
            // FlinkStateSnapshotUtils.isSnapshotResourceEnabled: with the key false the job's snapshots are tracked
            // in its status (the legacy mode), and when the operator's own configuration says so too it does not
            // even register the FlinkStateSnapshot controller (FlinkOperator.registerSnapshotController).
            plan.Refuse(plan.Config.Get(ConfigKeys.SnapshotResourcesEnabled)!.Pointer,
                $"cannot back up with a FlinkStateSnapshot: {ConfigKeys.SnapshotResourcesEnabled} is false, so this job keeps its snapshots in its status (the operator's legacy mode), and where the operator is configured the same way nothing reconciles a FlinkStateSnapshot; use --method nonce (a new {(backup.Checkpoint ? "checkpointTriggerNonce" : "savepointTriggerNonce")})");
            return null;
        }
        if (JobReadiness.Blocker(plan.Target) is var (pointer, problem))
        {
            plan.Refuse(pointer, OperatorFacts.NotRunning(plan, backup.Checkpoint ? "take a checkpoint" : "back up", problem, suspending: false));
            return null;
        }
        if (backup.Checkpoint)
        {
            return BackupCheckpoint(plan, backup, method);
        }
        if (method == BackupMethod.Nonce)
        {
            return plan.RequireSavepointDirectory("back up") ? BackupWithNonce(plan, backup) : null;
        }
        return SnapshotSavepointTarget(plan, backup) is { } savepoint ? BackupWithSnapshot(plan, backup, savepoint) : null;
    }

    /// <summary>Format, retry count and path are fields of a FlinkStateSnapshot: another method cannot carry them.</summary>
    private static bool RefuseSnapshotOptions(PlanBuilder plan, BackupRequest backup, string method)
    {
        var given = new List<string>();
        if (backup.FormatType is not null)
        {
            given.Add("--format-type");
        }
        if (backup.BackoffLimit is not null)
        {
            given.Add("--backoff-limit");
        }
        if (backup.SavepointDir is not null)
        {
            given.Add("--savepoint-dir");
        }
        if (backup.Checkpoint && plan.Target.Kind == ResourceKind.FlinkCluster)
        {
            given.Add("--checkpoint");
        }
        if (given.Count == 0)
        {
            return false;
        }
        var instead = plan.Target.Kind == ResourceKind.FlinkCluster ? "" : backup.FormatType is not null ? $"; for the nonce method set kubernetes.operator.savepoint.format.type: {backup.FormatType} in flinkConfiguration, or use --method snapshot" : "; use --method snapshot";
        plan.Refuse(JsonPointer.Root, $"cannot back up: {string.Join(", ", given)} {(given.Count == 1 ? "is a field" : "are fields")} of a FlinkStateSnapshot, and {method} has no such field{instead}");
        return true;
    }

    /// <summary>
    /// Where the snapshot's savepoint goes: --savepoint-dir, else the job's savepoint directory. The operator takes
    /// spec.savepoint.path first and needs one of the two (StateSnapshotReconciler.triggerCheckpointOrSavepoint).
    /// </summary>
    private static (string? Path, string Why)? SnapshotSavepointTarget(PlanBuilder plan, BackupRequest backup)
    {
        var dir = plan.Config.GetNonBlank(ConfigKeys.SavepointDir);
        if (backup.SavepointDir is not { } given)
        {
            if (dir is null)
            {
                plan.Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
                    "cannot back up: no savepoint directory is configured, so the savepoint has nowhere to go; give one with --savepoint-dir URI (written to the snapshot's spec.savepoint.path, which the operator uses first), or set execution.checkpointing.savepoint-dir (or state.savepoints.dir) to a directory on persistent storage");
                return null;
            }
            return (null, $"the savepoint goes to the job's savepoint directory {dir.Value} ({dir.Key})");
        }
        var path = given.Trim();
        var uri = StorageUri.Parse(path);
        if (path.Length == 0 || (uri.Scheme is null && !uri.IsLocal))
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: --savepoint-dir '{given}' is not an absolute path or a URI (such as s3://bucket/savepoints or file:///flink-data/savepoints); a relative path would be resolved inside the JobManager's container");
            return null;
        }
        if (OperatorFacts.LosesState(plan, uri, $"the savepoint directory {path}", FlinkResource.SpecPointer.Append("flinkConfiguration")) is { } loses)
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up to {path}: {loses}");
            return null;
        }
        var why = dir is null
            ? $"no savepoint directory is configured, so spec.savepoint.path {path} tells the operator where to write it (StateSnapshotReconciler uses the snapshot's path before the job's directory)"
            : $"spec.savepoint.path {path} is used instead of the job's savepoint directory {dir.Value}";
        return (path, why);
    }

    /// <summary>A FlinkStateSnapshot of the job that keeps its savepoint when the resource is deleted.</summary>
    private static string? BackupWithSnapshot(PlanBuilder plan, BackupRequest request, (string? Path, string Why) savepoint)
    {
        var spec = new JsonObject
        {
            ["alreadyExists"] = false,
            ["disposeOnDelete"] = false,
        };
        if (request.FormatType is { } format)
        {
            spec["formatType"] = format;
        }
        if (savepoint.Path is { } path)
        {
            spec["path"] = path;
        }
        var why = "a FlinkStateSnapshot asks the operator for a savepoint of the running job; disposeOnDelete: false keeps the savepoint files when the snapshot resource is deleted";
        if (savepoint.Path is not null)
        {
            why += "; " + savepoint.Why;
        }
        if (request.FormatType == "NATIVE")
        {
            why += "; formatType NATIVE writes the state backend's own format: faster, but it can be restored only with the same state backend (Flink's savepoint formats)";
        }
        return CreateSnapshot(plan, request, "savepoint", spec, why) ? "snapshot" : null;
    }

    /// <summary>
    /// A checkpoint backup: a snapshot with spec.checkpoint, or a checkpointTriggerNonce never used before. The
    /// operator triggers a FULL checkpoint through Flink's REST API, which Flink 1.17 introduced
    /// (SnapshotUtils.isSnapshotTriggeringSupported), into the job's checkpoint directory.
    /// </summary>
    private static string? BackupCheckpoint(PlanBuilder plan, BackupRequest request, BackupMethod method)
    {
        var version = OperatorFacts.FlinkVersion(plan);
        if (version is null || version.Value.CompareTo((1, 17)) < 0)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkVersion"),
                $"cannot take a checkpoint: the operator triggers checkpoints through Flink's REST API, which needs Flink 1.17 or later (SnapshotUtils.isSnapshotTriggeringSupported), and flinkVersion is {(version is { } v ? $"v{v.Major}_{v.Minor}" : "not known")}; take a savepoint instead (omit --checkpoint)");
            return null;
        }
        if (plan.Config.GetNonBlank(ConfigKeys.CheckpointDir) is not { } dir)
        {
            plan.Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
                "cannot take a checkpoint: no checkpoint directory is configured, so the checkpoint is not written to storage a restore could read; set execution.checkpointing.dir (or state.checkpoints.dir) to a directory on persistent storage");
            return null;
        }
        var retained = plan.Config.Get("execution.checkpointing.num-retained", "state.checkpoints.num-retained")?.Value.Trim() ?? "1";
        plan.Warn(FlinkResource.SpecPointer.Append("flinkConfiguration"),
            $"a checkpoint is owned by Flink, not by the operator: Flink deletes its files once {retained} newer checkpoint(s) complete (execution.checkpointing.num-retained {retained}), often minutes later, and an incremental one depends on the files of earlier checkpoints (the operator's snapshot documentation: \"might be deleted by Flink anytime\"); deleting the snapshot never deletes checkpoint data. For a backup that lasts, take a savepoint (omit --checkpoint)");
        if (method == BackupMethod.Nonce)
        {
            return CheckpointNonce(plan, request);
        }
        var why = $"a FlinkStateSnapshot with spec.checkpoint asks the operator for a FULL checkpoint of the running job, written to {dir.Value} ({dir.Key}); if the operator cannot read the checkpoint's path afterwards it still marks the snapshot COMPLETED, with status.path empty (the operator's snapshot documentation)";
        return CreateSnapshot(plan, request, "checkpoint", new JsonObject(), why) ? "checkpoint-snapshot" : null;
    }

    /// <summary>checkpointTriggerNonce: a new value triggers a checkpoint (SnapshotUtils.shouldTriggerSnapshot compares it with the reconciled one).</summary>
    private static string? CheckpointNonce(PlanBuilder plan, BackupRequest request)
    {
        var used = NonceHistory.UsedCheckpointNonces(plan.Target);
        if (request.Nonce is { } requested && used.Contains(requested))
        {
            plan.Refuse(Job.Append("checkpointTriggerNonce"),
                $"cannot take a checkpoint: checkpointTriggerNonce {requested} was already used ({string.Join(", ", used)} appear in the spec and status), and the operator triggers only on a new value; omit --nonce or use {used.Max + 1}");
            return null;
        }
        var nonce = request.Nonce ?? (used.Count == 0 ? 1 : used.Max + 1);
        var type = plan.Config.Get("kubernetes.operator.checkpoint.type")?.Value.Trim() ?? "FULL";
        plan.Steps.Set(Job.Append("checkpointTriggerNonce"), nonce,
            $"a checkpointTriggerNonce never used before{(used.Count == 0 ? "" : $" (used: {string.Join(", ", used)})")} asks the operator for a {type} checkpoint (kubernetes.operator.checkpoint.type)");
        return "checkpoint-nonce";
    }

    private static string BackoffNote(long limit) => limit switch
    {
        < 0 => "backoffLimit -1: the operator retries a failed snapshot for ever, backing off 10s, 20s, 40s, ...",
        0 => "backoffLimit 0: a failed snapshot is not retried, its status.state becomes FAILED at the first error",
        _ => $"backoffLimit {limit}: after {limit} failed retries (backing off 10s, 20s, 40s, ...) its status.state becomes FAILED",
    };

    /// <summary>Writes the new FlinkStateSnapshot resource; false when it is refused (a name taken or invalid).</summary>
    private static bool CreateSnapshot(PlanBuilder plan, BackupRequest request, string kind, JsonObject body, string why)
    {
        var target = plan.Target;
        var name = request.SnapshotName ?? $"{target.Name}-backup-{request.Now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        if (!DnsName().IsMatch(name) || name.Length > 253)
        {
            plan.Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: '{name}' is not a valid resource name (lower case letters, digits, '-' and '.'); choose another with --snapshot-name");
            return false;
        }
        if (request.BackoffLimit is < -1)
        {
            plan.Refuse(JsonPointer.Root, $"cannot back up: --backoff-limit {request.BackoffLimit} is below -1; use -1 (retry for ever, the operator's default), 0 (no retries) or a retry count");
            return false;
        }
        if (plan.Context.Find(ResourceKind.FlinkStateSnapshot, target.Namespace, name) is { } existing)
        {
            if (existing.Text(JsonPointer.Of("spec", "jobReference", "name")) == target.Name &&
                (existing.Text(JsonPointer.Of("spec", "jobReference", "kind")) ?? "FlinkDeployment") == target.Kind.ToString())
            {
                return true; // this backup was already requested (a config resource rendered again): nothing new
            }
            plan.Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: a FlinkStateSnapshot named {name} already exists in the input for another job; choose another with --snapshot-name");
            return false;
        }
        var metadata = new JsonObject { ["name"] = name };
        if (target.Namespace.Length > 0)
        {
            metadata["namespace"] = target.Namespace;
        }
        var spec = new JsonObject();
        if (request.BackoffLimit is { } limit)
        {
            spec["backoffLimit"] = limit; // first, as the operator's own examples write it
            why += "; " + BackoffNote(limit);
        }
        spec["jobReference"] = new JsonObject { ["kind"] = target.Kind.ToString(), ["name"] = target.Name };
        spec[kind] = body;
        var snapshot = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkStateSnapshot",
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
        var yaml = new YamlEmitter(new DocumentStyle(2, 2, "\n", false)).Block(snapshot, 0) + "\n";
        plan.Create(new NewResource(name + ".yaml", yaml, snapshot, why));
        return true;
    }

    /// <summary>Savepoint mode, running, and a savepointTriggerNonce never used before.</summary>
    private static string? BackupWithNonce(PlanBuilder plan, BackupRequest request)
    {
        var used = NonceHistory.UsedTriggerNonces(plan.Target);
        var nonce = request.Nonce ?? (used.Count == 0 ? 1 : used.Max + 1);
        if (request.Nonce is { } requested && used.Contains(requested))
        {
            plan.Refuse(Job.Append("savepointTriggerNonce"),
                $"cannot back up: savepointTriggerNonce {requested} was already used ({string.Join(", ", used)} appear in the spec and status), and the operator triggers only on a new value; omit --nonce or use {used.Max + 1}");
            return null;
        }
        plan.Steps.Set(PlanBuilder.UpgradeMode, "savepoint", "IBM Event Processing's backup procedure (Backing up and restoring) runs the job in savepoint upgrade mode, so later upgrades also go through savepoints");
        plan.Steps.Set(PlanBuilder.State, "running", "a savepoint is taken only of a running job");
        plan.Steps.Set(Job.Append("savepointTriggerNonce"), nonce,
            used.Count == 0 ? "a new trigger nonce asks the operator for a savepoint" : $"a nonce never used before (used: {string.Join(", ", used)}) asks the operator for a savepoint");
        return "nonce";
    }

    /// <summary>savepointGeneration = the status generation + 1.</summary>
    private static string? BackupCluster(PlanBuilder plan)
    {
        var target = plan.Target;
        var statusGeneration = target.Integer(JsonPointer.Of("status", "components", "job", "savepointGeneration"));
        if (string.IsNullOrWhiteSpace(target.Text(Job.Append("savepointsDir"))))
        {
            plan.Refuse(Job.Append("savepointsDir"), "cannot back up: spec.job.savepointsDir is not set, so the operator has nowhere to write the savepoint; set it");
            return null;
        }
        if (statusGeneration is null)
        {
            plan.Refuse(JsonPointer.Of("status"), "cannot back up: the status does not show status.components.job.savepointGeneration, and the new generation must be exactly that + 1; export the resource with kubectl get -o yaml first");
            return null;
        }
        var state = target.Text(JsonPointer.Of("status", "components", "job", "state"));
        if (state is not null && state != "Running")
        {
            plan.Refuse(JsonPointer.Of("status", "components", "job", "state"), $"cannot back up: the job is {state}, not Running; a savepoint can only be taken of a running job");
            return null;
        }
        plan.Steps.Set(Job.Append("savepointGeneration"), statusGeneration + 1, $"the operator takes a savepoint when savepointGeneration becomes the status generation ({statusGeneration}) + 1 (the FlinkCluster operator's savepoint guide)");
        return "generation";
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsName();
}
