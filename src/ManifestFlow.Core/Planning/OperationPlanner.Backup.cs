using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Planning;

public sealed partial class OperationPlanner
{
    private string? Backup()
    {
        if (_target.Kind == ResourceKind.FlinkCluster)
        {
            return BackupCluster();
        }
        if (!RequireRunning("back up") || !RequireSavepointDirectory("back up"))
        {
            return null;
        }
        return (_request.Method ?? "snapshot") switch
        {
            "snapshot" => BackupWithSnapshot(),
            "nonce" => BackupWithNonce(),
            var other => RefuseMethod(other, "snapshot or nonce"),
        };
    }

    private string? RefuseMethod(string method, string allowed)
    {
        Refuse(JsonPointer.Root, $"unknown --method {method} for {_target.Kind}; use {allowed}");
        return null;
    }

    /// <summary>Seed 001: a FlinkStateSnapshot of the job that keeps its savepoint when the resource is deleted.</summary>
    private string? BackupWithSnapshot()
    {
        var name = _request.SnapshotName ?? $"{_target.Name}-backup-{_request.Now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        if (!DnsName().IsMatch(name) || name.Length > 253)
        {
            Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: '{name}' is not a valid resource name (lower case letters, digits, '-' and '.'); choose another with --snapshot-name");
            return null;
        }
        if (_context.Find(ResourceKind.FlinkStateSnapshot, _target.Namespace, name) is not null)
        {
            Refuse(JsonPointer.Of("metadata", "name"), $"cannot back up: a FlinkStateSnapshot named {name} already exists in the input; choose another with --snapshot-name");
            return null;
        }
        var metadata = new JsonObject { ["name"] = name };
        if (_target.Namespace.Length > 0)
        {
            metadata["namespace"] = _target.Namespace;
        }
        var snapshot = new JsonObject
        {
            ["apiVersion"] = "flink.apache.org/v1beta1",
            ["kind"] = "FlinkStateSnapshot",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["jobReference"] = new JsonObject { ["kind"] = _target.Kind.ToString(), ["name"] = _target.Name },
                ["savepoint"] = new JsonObject { ["alreadyExists"] = false, ["disposeOnDelete"] = false },
            },
        };
        var yaml = new YamlEmitter(new DocumentStyle(2, 2, "\n", false)).Block(snapshot, 0) + "\n";
        _newResources.Add(new NewResource(name + ".yaml", yaml, snapshot,
            "a FlinkStateSnapshot asks the operator for a savepoint of the running job; disposeOnDelete: false keeps the savepoint files when the snapshot resource is deleted (seed 001)"));
        return "snapshot";
    }

    /// <summary>Seed 000: savepoint mode, running, and a savepointTriggerNonce never used before.</summary>
    private string? BackupWithNonce()
    {
        var used = NonceHistory.UsedTriggerNonces(_target);
        var nonce = _request.Nonce ?? (used.Count == 0 ? 1 : used.Max + 1);
        if (_request.Nonce is { } requested && used.Contains(requested))
        {
            Refuse(Job.Append("savepointTriggerNonce"),
                $"cannot back up: savepointTriggerNonce {requested} was already used ({string.Join(", ", used)} appear in the spec and status), and the operator triggers only on a new value; omit --nonce or use {used.Max + 1}");
            return null;
        }
        _steps.Set(UpgradeMode, "savepoint", "the backup procedure takes savepoints in savepoint upgrade mode (seed 000)");
        _steps.Set(State, "running", "a savepoint is taken only of a running job");
        _steps.Set(Job.Append("savepointTriggerNonce"), nonce,
            used.Count == 0 ? "a new trigger nonce asks the operator for a savepoint" : $"a nonce never used before (used: {string.Join(", ", used)}) asks the operator for a savepoint");
        return "nonce";
    }

    /// <summary>Seed 002: savepointGeneration = the status generation + 1.</summary>
    private string? BackupCluster()
    {
        var statusGeneration = _target.Integer(JsonPointer.Of("status", "components", "job", "savepointGeneration"));
        if (string.IsNullOrWhiteSpace(_target.Text(Job.Append("savepointsDir"))))
        {
            Refuse(Job.Append("savepointsDir"), "cannot back up: spec.job.savepointsDir is not set, so the operator has nowhere to write the savepoint; set it (seed 002)");
            return null;
        }
        if (statusGeneration is null)
        {
            Refuse(JsonPointer.Of("status"), "cannot back up: the status does not show status.components.job.savepointGeneration, and the new generation must be exactly that + 1; export the resource with kubectl get -o yaml first");
            return null;
        }
        var state = _target.Text(JsonPointer.Of("status", "components", "job", "state"));
        if (state is not null && state != "Running")
        {
            Refuse(JsonPointer.Of("status", "components", "job", "state"), $"cannot back up: the job is {state}, not Running; a savepoint can only be taken of a running job");
            return null;
        }
        _steps.Set(Job.Append("savepointGeneration"), statusGeneration + 1, $"the operator takes a savepoint when savepointGeneration becomes the status generation ({statusGeneration}) + 1 (seed 002)");
        return "generation";
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsName();
}
