using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// The operator's DefaultValidator rules that need no cluster (reference/flink-operators.md §1d), with
/// its messages quoted so a user can search for them. Unlike the operator, every failing rule is
/// reported, not only the first.
/// </summary>
public sealed class OperatorCheck : IResourceCheck
{
    private static readonly JsonPointer Config = FlinkResource.SpecPointer.Append("flinkConfiguration");

    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Spec is null)
        {
            return; // no spec, or not a mapping (ShapeCheck reports that): nothing the operator could validate
        }
        switch (r.Kind)
        {
            case ResourceKind.FlinkDeployment:
                CheckDeployment(r, context);
                break;
            case ResourceKind.FlinkSessionJob:
                CheckSessionJob(r, context);
                break;
        }
    }

    private static void CheckDeployment(FlinkResource r, ValidationContext context)
    {
        if (r.Name.Length == 0)
        {
            context.Report(RuleCatalog.DeploymentName, r, JsonPointer.Of("metadata", "name"), "metadata.name is not set; name the FlinkDeployment (lower case letters, digits and '-')");
        }
        else if (!IsValidName(r.Name))
        {
            context.Report(RuleCatalog.DeploymentName, r, JsonPointer.Of("metadata", "name"), ValidationContext.OperatorSays(RuleCatalog.DeploymentName,
                $"The FlinkDeployment name: {r.Name} is invalid, must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123'), and the length must be no more than 45 characters."));
        }
        var version = r.Text(FlinkResource.SpecPointer.Append("flinkVersion"));
        if (r.Spec?["flinkVersion"] is null)
        {
            context.Report(RuleCatalog.FlinkVersionRequired, r, FlinkResource.SpecPointer.Append("flinkVersion"),
                ValidationContext.OperatorSays(RuleCatalog.FlinkVersionRequired, "Flink Version must be defined."));
        }
        else if (version is not null && Array.IndexOf(FieldSchema.FlinkVersions, version) is >= 0 and < 2)
        {
            context.Report(RuleCatalog.FlinkVersionRequired, r, FlinkResource.SpecPointer.Append("flinkVersion"),
                ValidationContext.OperatorSays(RuleCatalog.FlinkVersionRequired, $"Flink version {version} is not supported by this operator version", "use v1_15 or later"));
        }
        if (r.Spec is not null && r.Spec["serviceAccount"] is null)
        {
            context.Report(RuleCatalog.ServiceAccountRequired, r, FlinkResource.SpecPointer.Append("serviceAccount"),
                ValidationContext.OperatorSays(RuleCatalog.ServiceAccountRequired, "spec.serviceAccount must be defined. If you use helm, its value should be the same with the name of jobServiceAccount."));
        }
        var config = context.ConfigOf(r);
        CheckMemory(r, config, context, "jobManager", "JobManager");
        CheckMemory(r, config, context, "taskManager", "TaskManager");

        var ha = config.HighAvailability;
        var jmReplicas = r.Integer(JsonPointer.Of("spec", "jobManager", "replicas"));
        if (jmReplicas is < 1)
        {
            context.Report(RuleCatalog.JobManagerReplicas, r, JsonPointer.Of("spec", "jobManager", "replicas"),
                ValidationContext.OperatorSays(RuleCatalog.JobManagerReplicas, "JobManager replicas should not be configured less than one."));
        }
        else if (jmReplicas > 1 && !ha)
        {
            context.Report(RuleCatalog.StandbyNeedsHa, r, JsonPointer.Of("spec", "jobManager", "replicas"),
                ValidationContext.OperatorSays(RuleCatalog.StandbyNeedsHa, "High availability should be enabled when starting standby JobManagers."));
        }
        if (config.IsTrue(ConfigKeys.RollbackEnabled) && !ha)
        {
            context.Report(RuleCatalog.RollbackNeedsHa, r, config.Get(ConfigKeys.RollbackEnabled)!.Pointer,
                ValidationContext.OperatorSays(RuleCatalog.RollbackNeedsHa, "HA must be enabled for rollback support."));
        }
        if (config.IsTrue(ConfigKeys.HealthCheckEnabled) && config.IsFalse(ConfigKeys.DeploymentRecoveryEnabled))
        {
            context.Report(RuleCatalog.HealthCheckNeedsRecovery, r, config.Get(ConfigKeys.DeploymentRecoveryEnabled)!.Pointer,
                ValidationContext.OperatorSays(RuleCatalog.HealthCheckNeedsRecovery, RuleCatalog.HealthCheckNeedsRecovery.OperatorMessage!));
        }
        foreach (var key in ConfigKeys.Forbidden)
        {
            if (config.Get(key) is { } entry)
            {
                context.Report(RuleCatalog.ForbiddenKey, r, entry.Pointer, ValidationContext.OperatorSays(RuleCatalog.ForbiddenKey, $"Forbidden Flink config key: {key}", "remove it: the operator sets it itself"));
            }
        }
        var tmReplicas = r.Integer(JsonPointer.Of("spec", "taskManager", "replicas"));
        if (r.Job is { } job)
        {
            CheckJob(r, job, config, tmReplicas, r.Spec?["taskManager"] is JsonObject tm && tm.ContainsKey("replicas"), context);
        }
        else if (tmReplicas is < 1)
        {
            ReportTaskManagerReplicas(r, context);
        }
    }

    private static void CheckSessionJob(FlinkResource r, ValidationContext context)
    {
        var deployment = r.Spec?["deploymentName"]?.AsText();
        if (r.Job is null)
        {
            context.Report(RuleCatalog.SessionJobSpec, r, FlinkResource.JobPointer, ValidationContext.OperatorSays(RuleCatalog.SessionJobSpec, "The job spec should not be empty", "add spec.job"));
        }
        if (string.IsNullOrEmpty(deployment))
        {
            context.Report(RuleCatalog.SessionJobSpec, r, FlinkResource.SpecPointer.Append("deploymentName"),
                "spec.deploymentName is not set; name the session FlinkDeployment this job runs on");
        }
        else if (context.SessionCluster(r) is { Job: not null } cluster)
        {
            context.Report(RuleCatalog.SessionJobSpec, r, FlinkResource.SpecPointer.Append("deploymentName"),
                ValidationContext.OperatorSays(RuleCatalog.SessionJobSpec, "Can not submit session job to application cluster", $"FlinkDeployment {cluster.Name} has a job of its own; point deploymentName at a session cluster (a FlinkDeployment without job)"));
        }
        if (r.Job is { } job)
        {
            // Without its session cluster in the input the effective configuration is unknown: check only what the job alone decides.
            var config = context.SessionCluster(r) is null ? null : context.ConfigOf(r);
            CheckJob(r, job, config, null, false, context);
        }
    }

    private static void CheckJob(FlinkResource r, JsonObject job, FlinkConfiguration? config, long? tmReplicas, bool tmReplicasDefined, ValidationContext context)
    {
        var mode = job["upgradeMode"] is JsonValue m && m.TryGetValue<string>(out var s) ? s : "stateless";
        if (config is not null)
        {
            CheckDirectoriesForMode(r, job, config, mode, context);
        }
        if (tmReplicasDefined && tmReplicas is < 1)
        {
            ReportTaskManagerReplicas(r, context);
        }
        else if (!tmReplicasDefined && (r.Integer(FlinkResource.JobPointer.Append("parallelism")) ?? 0) < 1)
        {
            context.Report(RuleCatalog.JobParallelism, r, FlinkResource.JobPointer.Append("parallelism"),
                ValidationContext.OperatorSays(RuleCatalog.JobParallelism, "Job parallelism must be larger than 0"));
        }
        CheckRedeployNonce(r, job, context);
    }

    /// <summary>V1–V5: the directories the upgrade mode, a nonce, periodic savepoints or a checkpoint age need.</summary>
    private static void CheckDirectoriesForMode(FlinkResource r, JsonObject job, FlinkConfiguration config, string mode, ValidationContext context)
    {
        if (mode is "last-state" or "savepoint" && config.GetNonBlank(ConfigKeys.CheckpointDir) is null)
        {
            context.Report(RuleCatalog.CheckpointDirRequired, r, Config.Append(ConfigKeys.CheckpointDir[0]),
                ValidationContext.OperatorSays(RuleCatalog.CheckpointDirRequired, RuleCatalog.CheckpointDirRequired.OperatorMessage!, $"upgradeMode is {mode}: set execution.checkpointing.dir (or state.checkpoints.dir)"));
        }
        if (config.GetNonBlank(ConfigKeys.SavepointDir) is null)
        {
            var sp = ConfigKeys.SavepointDir[0];
            if (mode == "savepoint")
            {
                context.Report(RuleCatalog.SavepointDirRequired, r, Config.Append(sp), ValidationContext.OperatorSays(RuleCatalog.SavepointDirRequired, RuleCatalog.SavepointDirRequired.OperatorMessage!));
            }
            else if (job["savepointTriggerNonce"] is not null)
            {
                context.Report(RuleCatalog.NonceNeedsSavepointDir, r, FlinkResource.JobPointer.Append("savepointTriggerNonce"), ValidationContext.OperatorSays(RuleCatalog.NonceNeedsSavepointDir, RuleCatalog.NonceNeedsSavepointDir.OperatorMessage!));
            }
            else if (config.Get(ConfigKeys.PeriodicSavepointInterval) is { } periodic)
            {
                context.Report(RuleCatalog.PeriodicNeedsSavepointDir, r, periodic.Pointer, ValidationContext.OperatorSays(RuleCatalog.PeriodicNeedsSavepointDir, RuleCatalog.PeriodicNeedsSavepointDir.OperatorMessage!));
            }
            else if (config.Get(ConfigKeys.MaxCheckpointAge) is { } age)
            {
                context.Report(RuleCatalog.MaxAgeNeedsSavepointDir, r, age.Pointer, ValidationContext.OperatorSays(RuleCatalog.MaxAgeNeedsSavepointDir, RuleCatalog.MaxAgeNeedsSavepointDir.OperatorMessage!));
            }
        }
    }

    private static void CheckRedeployNonce(FlinkResource r, JsonObject job, ValidationContext context)
    {
        if (job["savepointRedeployNonce"] is not JsonValue nonce || ReconciledSpec.LastReconciledJob(r) is not { } last)
        {
            return;
        }
        var changed = !JsonEquality.DeepEquals(nonce, last["savepointRedeployNonce"]);
        if (changed && string.IsNullOrWhiteSpace(job["initialSavepointPath"]?.AsText()))
        {
            context.Report(RuleCatalog.RedeployNeedsPath, r, FlinkResource.JobPointer.Append("initialSavepointPath"),
                ValidationContext.OperatorSays(RuleCatalog.RedeployNeedsPath, RuleCatalog.RedeployNeedsPath.OperatorMessage!, $"savepointRedeployNonce changed from {last["savepointRedeployNonce"]?.ToJsonString() ?? "unset"} to {nonce.ToJsonString()}: set initialSavepointPath to the savepoint to redeploy from"));
        }
    }

    private static void ReportTaskManagerReplicas(FlinkResource r, ValidationContext context) =>
        context.Report(RuleCatalog.TaskManagerReplicas, r, JsonPointer.Of("spec", "taskManager", "replicas"),
            ValidationContext.OperatorSays(RuleCatalog.TaskManagerReplicas, "TaskManager replicas must be larger than 0"));

    /// <summary>
    /// V20, where Flink's memory options count too. The operator applies it also to a deployment without
    /// the role's section (FLINK-30411); that case is not reported yet, because the CLI's built-in warm-up
    /// manifest has no sections and must gain them first.
    /// </summary>
    private static void CheckMemory(FlinkResource r, FlinkConfiguration config, ValidationContext context, string role, string title)
    {
        if (r.Spec?[role] is not JsonObject spec || ProcessMemory.IsDefinedInSpec(spec) || ProcessMemory.DefinedInConfig(config, role) is not null)
        {
            return;
        }
        var prefix = role == "jobManager" ? "jobmanager" : "taskmanager";
        context.Report(RuleCatalog.MemoryRequired, r, JsonPointer.Of("spec", role, "resource", "memory"),
            ValidationContext.OperatorSays(RuleCatalog.MemoryRequired, $"{title} resource memory must be defined using `spec.{role}.resource.memory` or `spec.{role}.resources.requests.memory`",
                $"set spec.{role}.resource.memory (for example 2048m), spec.{role}.resources.requests.memory or .limits.memory, or {prefix}.memory.process.size in flinkConfiguration"));
    }

    /// <summary>
    /// The operator's <c>[a-z]([-a-z\d]{0,43}[a-z\d])?</c> (ASCII digits, as in Java), by hand: every
    /// validation checks a name, and the first use of a generated Regex costs milliseconds of start-up.
    /// </summary>
    internal static bool IsValidName(string name)
    {
        if (name.Length is 0 or > 45 || !char.IsAsciiLetterLower(name[0]) || !char.IsAsciiLetterLower(name[^1]) && !char.IsAsciiDigit(name[^1]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }
}
