using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>Backup preconditions and restore safety on FlinkDeployments and FlinkSessionJobs (PRODUCT.md "What it checks" 3 and 4).</summary>
public sealed class RestoreCheck : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind is not (ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob) || r.Job is not { } job)
        {
            return;
        }
        CheckBackupReadiness(r, context);
        var config = context.ConfigOf(r);
        var path = job["initialSavepointPath"]?.AsText();
        var pathPointer = FlinkResource.JobPointer.Append("initialSavepointPath");
        if (!string.IsNullOrWhiteSpace(path))
        {
            CheckSavepointLocation(context, r, pathPointer, path, r);
            CheckSnapshotOfPath(context, r, pathPointer, path);
        }
        if (job["allowNonRestoredState"] is JsonValue allow && allow.TryGetValue<bool>(out var allowed) && allowed)
        {
            context.Report(RuleCatalog.AllowNonRestoredState, r, FlinkResource.JobPointer.Append("allowNonRestoredState"),
                "allowNonRestoredState: true lets the restore skip state that no operator of the new job claims, and that state is dropped; remove it unless operators were removed on purpose");
        }
        var mode = job["upgradeMode"]?.AsText() ?? "stateless";
        if (mode == "stateless")
        {
            var evidence = !string.IsNullOrWhiteSpace(path) ? "initialSavepointPath is set"
                : config.GetNonBlank(ConfigKeys.SavepointDir) is not null || config.GetNonBlank(ConfigKeys.CheckpointDir) is not null ? "state directories are configured"
                : null;
            if (evidence is not null)
            {
                context.Report(RuleCatalog.StatelessDiscardsState, r, job["upgradeMode"] is null ? FlinkResource.JobPointer : FlinkResource.JobPointer.Append("upgradeMode"),
                    $"upgradeMode is {(job["upgradeMode"] is null ? "not set (stateless by default)" : "stateless")} although {evidence}: every upgrade discards the job's state; use upgradeMode: savepoint (or last-state)");
            }
        }
        if (LastReconciled(r) is { } last && !string.Equals(last["initialSavepointPath"]?.AsText(), path, StringComparison.Ordinal) &&
            !string.IsNullOrWhiteSpace(path) && JsonEquality.DeepEquals(last["savepointRedeployNonce"], job["savepointRedeployNonce"]))
        {
            context.Report(RuleCatalog.InitialPathIgnored, r, pathPointer,
                $"initialSavepointPath changed from {last["initialSavepointPath"]?.AsText() ?? "unset"} but savepointRedeployNonce is still {job["savepointRedeployNonce"]?.ToJsonString() ?? "unset"}: the operator ignores the new path on a deployed resource; increase savepointRedeployNonce to restore from it");
        }
        if (r.Kind == ResourceKind.FlinkDeployment && r.Status is null && job["state"]?.AsText() == "suspended")
        {
            context.Report(RuleCatalog.CreatedSuspended, r, FlinkResource.JobPointer.Append("state"),
                "a FlinkDeployment created with state: suspended is never reconciled by the operator (nothing is deployed, health stays Progressing); create it running");
        }
    }

    /// <summary>The path belongs to a snapshot of the input that did not complete: nothing sound to restore from.</summary>
    private static void CheckSnapshotOfPath(ValidationContext context, FlinkResource r, JsonPointer pointer, string path)
    {
        foreach (var snapshot in context.InNamespace(ResourceKind.FlinkStateSnapshot, r.Namespace))
        {
            var status = SnapshotStatus.Of(snapshot);
            if (!status.IsCompleted && string.Equals(status.Path?.Trim(), path.Trim(), StringComparison.Ordinal))
            {
                context.Report(RuleCatalog.RestoreFromIncompleteSnapshot, r, pointer,
                    $"initialSavepointPath is the path of FlinkStateSnapshot {snapshot.Name}, whose status.state is {status.State ?? "unset"}, not COMPLETED; restore from a completed snapshot");
            }
        }
    }

    private static JsonObject? LastReconciled(FlinkResource r) => ReconciledSpec.LastReconciledJob(r);

    private static void CheckBackupReadiness(FlinkResource r, ValidationContext context)
    {
        if (JobReadiness.Blocker(r) is var (pointer, problem))
        {
            context.Report(RuleCatalog.NotReadyForBackup, r, pointer, $"{problem}: a savepoint cannot be taken now, so backup would be refused");
        }
    }

    /// <summary>A savepoint to restore from should lie under the job's savepoint directory, and (file:) on persistent storage.</summary>
    public static void CheckSavepointLocation(ValidationContext context, FlinkResource reportOn, JsonPointer pointer, string path, FlinkResource job)
    {
        var uri = StorageUri.Parse(path);
        var config = context.ConfigOf(job);
        if (config.GetNonBlank(ConfigKeys.SavepointDir) is { } dir && !uri.IsWithin(StorageUri.Parse(dir.Value)))
        {
            context.Report(RuleCatalog.SavepointOutsideDirectory, reportOn, pointer,
                $"the savepoint {path} is not under the savepoint directory {dir.Value} of {job.Kind} {job.Name}; check that it belongs to this job");
        }
        var pods = job.Kind == ResourceKind.FlinkSessionJob ? context.SessionCluster(job) : job;
        if (uri.IsLocal && pods is not null)
        {
            PersistentStorage.Check(context, pods, reportOn, pointer, $"the savepoint {path}", uri, PodTemplates.Roles);
        }
    }
}
