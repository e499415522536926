using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>The GCP/spotify FlinkCluster's savepoint rules (reference/flink-operators.md §2), quoting its webhook.</summary>
public sealed class ClusterCheck : IResourceCheck
{
    private static readonly JsonPointer Job = JsonPointer.Of("spec", "job");
    private static readonly string[] SavepointRequests = ["autoSavepointSeconds", "savepointGeneration", "takeSavepointOnUpgrade"];

    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind != ResourceKind.FlinkCluster || r.Spec?["job"] is not JsonObject job)
        {
            return;
        }
        var dir = job["savepointsDir"]?.AsText();
        if (string.IsNullOrWhiteSpace(dir))
        {
            var wants = SavepointRequests.FirstOrDefault(k => job[k] is not null && job[k]!.ToJsonString() is not ("0" or "false"));
            if (wants is not null)
            {
                context.Report(RuleCatalog.ClusterSavepointWithoutDir, r, Job.Append("savepointsDir"),
                    $"savepoint is not allowed without spec.job.savepointsDir ({wants} asks for savepoints); set spec.job.savepointsDir");
            }
        }
        else
        {
            var uri = StorageUri.Parse(dir);
            DirectoryCheck.CheckUri(context, r, Job.Append("savepointsDir"), "spec.job.savepointsDir", uri);
            if (uri.IsLocal)
            {
                PersistentStorage.Check(context, r, r, Job.Append("savepointsDir"), $"spec.job.savepointsDir {dir}", uri, PodTemplates.Roles);
            }
        }
        CheckSavepointGeneration(r, context);
        CheckFromSavepoint(r, job, context);
        if (job["restartPolicy"]?.AsText() == "FromSavepointOnFailure" && (string.IsNullOrWhiteSpace(dir) ||
            (job["fromSavepoint"] is null && r.At(JsonPointer.Of("status", "components", "job", "savepointLocation")) is null && job["autoSavepointSeconds"] is null)))
        {
            context.Report(RuleCatalog.ClusterRestartNeedsSavepoint, r, Job.Append("restartPolicy"),
                "restartPolicy: FromSavepointOnFailure has no savepoint to restart from (no savepointsDir, autoSavepointSeconds, fromSavepoint or status savepoint); a failed job restarts from empty state or is lost; set savepointsDir and autoSavepointSeconds");
        }
        if (r.Integer(Job.Append("parallelism")) is < 1)
        {
            context.Report(RuleCatalog.ClusterParallelism, r, Job.Append("parallelism"), "job parallelism must be >= 1 (the FlinkCluster webhook rejects this); set spec.job.parallelism to at least 1");
        }
    }

    /// <summary>
    /// The webhook checks savepointGeneration only when an update changes it, and then wants the old
    /// status generation + 1 (GCP api/v1beta1/flinkcluster_validate.go, checkSavepointGeneration). Offline the
    /// old spec is unknown, and the status generation grows with every savepoint the operator takes (auto,
    /// annotation, update), so a spec behind the status is normal. Only a spec ahead of status + 1 is
    /// certainly wrong: as a change it is rejected, and unchanged it could only have come from creation,
    /// which the webhook does not check.
    /// </summary>
    private static void CheckSavepointGeneration(FlinkResource r, ValidationContext context)
    {
        var generation = r.Integer(Job.Append("savepointGeneration"));
        if (generation is null || r.Status is null)
        {
            return; // without a status the cluster may be new, and creation is not checked
        }
        // A status without the field means 0: the operator omits a zero generation (omitempty).
        var statusGeneration = r.Integer(JsonPointer.Of("status", "components", "job", "savepointGeneration")) ?? 0;
        if (generation > statusGeneration + 1)
        {
            context.Report(RuleCatalog.ClusterSavepointGeneration, r, Job.Append("savepointGeneration"),
                $"you can only update savepointGeneration to {statusGeneration + 1} (the status generation is {statusGeneration}, the spec says {generation}); set it to {statusGeneration + 1} to take one savepoint, or leave it unchanged");
        }
    }

    /// <summary>
    /// On every job update the operator restores from spec.job.fromSavepoint when it is set, in preference to
    /// the latest savepoint it took (GCP controllers/flinkcluster_converter.go convertFromSavepoint; the
    /// spotify fork likewise), so a value left in the spec after the first start rolls the state back.
    /// </summary>
    private static void CheckFromSavepoint(FlinkResource r, JsonObject job, ValidationContext context)
    {
        if (job["fromSavepoint"]?.AsText() is not { } from || string.IsNullOrWhiteSpace(from))
        {
            return;
        }
        var latest = r.Text(JsonPointer.Of("status", "components", "job", "savepointLocation"));
        var newer = !string.IsNullOrWhiteSpace(latest) && !StorageUri.Parse(latest).IsSamePlace(StorageUri.Parse(from));
        context.Report(RuleCatalog.ClusterStaleFromSavepoint, r, Job.Append("fromSavepoint"),
            newer
                ? $"fromSavepoint {from} stays in the spec although the operator has taken savepoint {latest} since: the next update of this FlinkCluster restores {from} and the state written after it is lost; remove fromSavepoint once the job has started from it"
                : $"fromSavepoint {from} stays in the spec: after the job starts from it, every later update of this FlinkCluster restores {from} again instead of the latest savepoint, rolling the state back; remove fromSavepoint once the job has started from it");
    }
}
