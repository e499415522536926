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
        SnapshotName = ConfigValues.Text(spec, "snapshotName") ?? $"{target}-{origin.Name}",
        Nonce = ConfigValues.Integer(spec, "nonce"),
    };

    public string? Plan(PlanBuilder plan, OperationRequest request)
    {
        var backup = (BackupRequest)request;
        if (plan.Target.Kind == ResourceKind.FlinkCluster)
        {
            return BackupCluster(plan);
        }
        if (plan.Target.BlueGreen is not null)
        {
            return BlueGreenOperations.Backup(plan, backup);
        }
        if (!plan.RequireRunning("back up") || !plan.RequireSavepointDirectory("back up"))
        {
            return null;
        }
        return (backup.Method ?? BackupMethod.Snapshot) == BackupMethod.Nonce ? BackupWithNonce(plan, backup) : BackupWithSnapshot(plan, backup);
    }

    /// <summary>A FlinkStateSnapshot of the job that keeps its savepoint when the resource is deleted.</summary>
    private static string? BackupWithSnapshot(PlanBuilder plan, BackupRequest request)
    {
        var target = plan.Target;
        var name = request.SnapshotName ?? $"{target.Name}-backup-{request.Now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        if (!DnsName().IsMatch(name) || name.Length > 253)
        {
            plan.Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: '{name}' is not a valid resource name (lower case letters, digits, '-' and '.'); choose another with --snapshot-name");
            return null;
        }
        if (plan.Context.Find(ResourceKind.FlinkStateSnapshot, target.Namespace, name) is { } existing)
        {
            if (existing.Text(JsonPointer.Of("spec", "jobReference", "name")) == target.Name &&
                (existing.Text(JsonPointer.Of("spec", "jobReference", "kind")) ?? "FlinkDeployment") == target.Kind.ToString())
            {
                return "snapshot"; // this backup was already requested (a config resource rendered again): nothing new
            }
            plan.Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: a FlinkStateSnapshot named {name} already exists in the input for another job; choose another with --snapshot-name");
            return null;
        }
        var metadata = new JsonObject { ["name"] = name };
        if (target.Namespace.Length > 0)
        {
            metadata["namespace"] = target.Namespace;
        }
        var snapshot = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkStateSnapshot",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["jobReference"] = new JsonObject { ["kind"] = target.Kind.ToString(), ["name"] = target.Name },
                ["savepoint"] = new JsonObject { ["alreadyExists"] = false, ["disposeOnDelete"] = false },
            },
        };
        var yaml = new YamlEmitter(new DocumentStyle(2, 2, "\n", false)).Block(snapshot, 0) + "\n";
        plan.Create(new NewResource(name + ".yaml", yaml, snapshot,
            "a FlinkStateSnapshot asks the operator for a savepoint of the running job; disposeOnDelete: false keeps the savepoint files when the snapshot resource is deleted"));
        return "snapshot";
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
