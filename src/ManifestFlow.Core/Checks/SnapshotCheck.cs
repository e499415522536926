using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>FlinkStateSnapshot: the operator's S1/S3/S4 and what makes a snapshot safe to restore from.</summary>
public sealed class SnapshotCheck : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind != ResourceKind.FlinkStateSnapshot || r.Spec is not { } spec)
        {
            return;
        }
        var savepoint = spec["savepoint"] as JsonObject;
        if ((savepoint is null) == (spec["checkpoint"] is null))
        {
            context.Report(RuleCatalog.SnapshotKind, r, FlinkResource.SpecPointer,
                ValidationContext.OperatorSays(RuleCatalog.SnapshotKind, RuleCatalog.SnapshotKind.OperatorMessage!, savepoint is null ? "add savepoint: {} or checkpoint: {}" : "keep either savepoint or checkpoint"));
        }
        var alreadyExists = savepoint?["alreadyExists"] is JsonValue e && e.TryGetValue<bool>(out var exists) && exists;
        var target = Target(r, context);
        if (!alreadyExists && spec["jobReference"] is null)
        {
            context.Report(RuleCatalog.SnapshotJobReference, r, FlinkResource.SpecPointer.Append("jobReference"),
                ValidationContext.OperatorSays(RuleCatalog.SnapshotJobReference, RuleCatalog.SnapshotJobReference.OperatorMessage!));
        }
        else if (!alreadyExists && target.Missing && AwaitsTrigger(r))
        {
            context.Report(RuleCatalog.SnapshotTargetMissing, r, FlinkResource.SpecPointer.Append("jobReference").Append("name"),
                ValidationContext.OperatorSays(RuleCatalog.SnapshotTargetMissing, $"Target for snapshot {r.Namespace}/{target.Name} was not found",
                    $"no {target.Kind} {target.Name} among the resources of namespace '{r.Namespace}' in the input{(target.Suggestion is null ? "" : $"; did you mean '{target.Suggestion}'?")}"));
        }
        if (savepoint is not null && !(savepoint["disposeOnDelete"] is JsonValue d && d.TryGetValue<bool>(out var dispose) && !dispose))
        {
            context.Report(RuleCatalog.DisposeOnDelete, r, FlinkResource.SpecPointer.Append("savepoint").Append("disposeOnDelete"),
                "savepoint.disposeOnDelete is not false: by default the operator deletes the savepoint files when this FlinkStateSnapshot is deleted; set disposeOnDelete: false to keep the backup");
        }
        CheckStatus(r, context, savepoint is not null, target.Resource);
    }

    private static void CheckStatus(FlinkResource r, ValidationContext context, bool isSavepoint, FlinkResource? target)
    {
        if (r.Status is not { } status)
        {
            return;
        }
        var snapshot = SnapshotStatus.Of(r);
        var path = snapshot.Path;
        if (!snapshot.IsRestorable)
        {
            var error = status["error"]?.AsText();
            context.Report(RuleCatalog.SnapshotNotCompleted, r, snapshot.Blocker,
                $"this snapshot cannot be restored from: {snapshot.Problem}{(string.IsNullOrEmpty(error) ? "" : $" (error: {error})")}; restore from a COMPLETED snapshot with a path");
            return;
        }
        if (isSavepoint && target is not null)
        {
            RestoreCheck.CheckSavepointLocation(context, r, JsonPointer.Of("status", "path"), path!, target);
        }
    }

    /// <summary>
    /// The operator checks the target only while the snapshot has not been processed: no status, or state
    /// TRIGGER_PENDING (a status without a state deserializes to that default). A COMPLETED snapshot whose
    /// job was deleted stays valid: it still names a savepoint to restore from.
    /// </summary>
    private static bool AwaitsTrigger(FlinkResource r) =>
        r.Value["status"] is not JsonObject status || !status.ContainsKey("state") || status["state"]?.AsText() == "TRIGGER_PENDING";

    private readonly record struct TargetLookup(FlinkResource? Resource, bool Missing, string Kind, string Name, string? Suggestion);

    private static TargetLookup Target(FlinkResource r, ValidationContext context)
    {
        var kind = r.Spec?["jobReference"]?["kind"]?.AsText() ?? "FlinkDeployment";
        var name = r.Spec?["jobReference"]?["name"]?.AsText() ?? "";
        var resourceKind = kind == "FlinkSessionJob" ? ResourceKind.FlinkSessionJob : ResourceKind.FlinkDeployment;
        if (context.Find(resourceKind, r.Namespace, name) is { } exact)
        {
            return new TargetLookup(exact, false, kind, name, null);
        }
        // A blue/green deployment's children (NAME-blue, NAME-green: BlueGreenUtils.prepareFlinkDeployment)
        // are made by its controller, never written: its template stands for them.
        if (resourceKind == ResourceKind.FlinkDeployment && context.MayShareNamespace(ResourceKind.FlinkDeployment, r.Namespace)
                .FirstOrDefault(c => c.BlueGreen is not null && (name == c.Name + "-blue" || name == c.Name + "-green")) is { } child)
        {
            return new TargetLookup(child, false, kind, name, null);
        }
        // Only a namespace the input holds Flink resources of can prove the target absent; a resource
        // without a namespace may be applied next to its target, so it counts as a match, not a proof.
        var candidates = context.MayShareNamespace(ResourceKind.FlinkDeployment, r.Namespace).Concat(context.MayShareNamespace(ResourceKind.FlinkSessionJob, r.Namespace)).ToList();
        var sameName = candidates.Where(c => c.Kind == resourceKind && c.Name == name).ToList();
        if (sameName.Count > 0)
        {
            return new TargetLookup(sameName.Count == 1 ? sameName[0] : null, false, kind, name, null);
        }
        var missing = candidates.Count > 0 && r.Spec?["jobReference"] is not null;
        return new TargetLookup(null, missing, kind, name, FieldSchema.Nearest(name, candidates.Where(c => c.Kind == resourceKind).Select(c => c.Name)));
    }
}
