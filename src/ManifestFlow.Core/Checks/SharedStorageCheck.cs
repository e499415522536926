using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// Storage the operator cannot see: it never reads claims, mounts or which Flink version knows which
/// key. MF1011 (a ReadWriteOnce claim several pods mount), MF1012 (one directory split by subPath),
/// MF1013 (a key name the job's Flink does not know).
/// </summary>
public sealed class SharedStorageCheck : IResourceCheck
{
    private static readonly string[] SingleNode = ["ReadWriteOnce", "ReadWriteOncePod"];

    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind != ResourceKind.FlinkDeployment)
        {
            return;
        }
        var config = context.ConfigOf(r);
        var shared = new List<SharedClaim>();
        foreach (var directory in StateDirectory.Of(config, FlinkVersions.ReadsRenamedKeys(r)).Where(d => ReferenceEquals(d.Entry.Source, r)))
        {
            var uri = StorageUri.Parse(directory.Value);
            if (uri.IsLocal)
            {
                CheckMounts(r, context, directory, uri, shared);
            }
        }
        // One finding per claim, naming every state directory on it.
        foreach (var claim in shared.GroupBy(c => c.Claim))
        {
            var first = claim.First();
            var directories = string.Join(", ", claim.Select(c => $"the {c.Directory.Name} {c.Directory.Value}"));
            context.Report(RuleCatalog.ClaimSharedReadWriteOnce, r, first.Pointer,
                $"claim {claim.Key} holds {directories}; its access mode is {first.Modes} (one node only), but {first.Sharers} mount it: a pod on another node waits for ever (Multi-Attach error); use a ReadWriteMany claim or an object store");
        }
        KeyNames(r, context, config);
    }

    private sealed record SharedClaim(string Claim, StateDirectory Directory, JsonPointer Pointer, string Modes, string Sharers);

    private static void CheckMounts(FlinkResource r, ValidationContext context, StateDirectory directory, StorageUri uri, List<SharedClaim> shared)
    {
        var jobManager = DirectoryStorage.DeepestMountHolding(PodTemplates.Mounts(r, "jobManager"), uri);
        var taskManager = directory.JobManagerOnly ? null : DirectoryStorage.DeepestMountHolding(PodTemplates.Mounts(r, "taskManager"), uri);
        if (jobManager?.Volume is not null && taskManager?.Volume is not null && SameVolume(jobManager, taskManager) && jobManager.SubPath != taskManager.SubPath)
        {
            context.Report(RuleCatalog.SubPathSplitsDirectory, r, taskManager.Pointer,
                $"the {directory.Name} {directory.Value} is on volume {jobManager.VolumeName}, mounted at {jobManager.MountPath} with subPath {jobManager.SubPath ?? "(none)"} by the JobManager and at {taskManager.MountPath} with subPath {taskManager.SubPath ?? "(none)"} by the TaskManagers: they see different directories, so what the TaskManagers write is not where the JobManager looks, and the state cannot be restored; use the same subPath (or none) in every role");
        }
        foreach (var mount in new[] { jobManager, taskManager }.OfType<Mount>())
        {
            if (ClaimOf(mount) is not { } claimName || context.MayShareNamespace(ResourceKind.PersistentVolumeClaim, r.Namespace).FirstOrDefault(c => c.Name == claimName) is not { } claim)
            {
                continue;
            }
            var modes = (claim.Spec?["accessModes"] as JsonArray)?.Select(m => m?.AsText()).OfType<string>().ToList() ?? [];
            if (modes.Count > 0 && modes.All(SingleNode.Contains) && Sharers(r, jobManager, taskManager, claimName) is { } sharers)
            {
                shared.Add(new SharedClaim(claimName, directory, mount.ClaimNamePointer ?? mount.Pointer, string.Join(", ", modes), sharers));
                return;
            }
        }
    }

    /// <summary>Who mounts the claim at once, or null when only one pod does.</summary>
    private static string? Sharers(FlinkResource r, Mount? jobManager, Mount? taskManager, string claim)
    {
        var both = jobManager is not null && taskManager is not null && ClaimOf(jobManager) == claim && ClaimOf(taskManager) == claim;
        if (both)
        {
            return "the JobManager and the TaskManagers";
        }
        // During a transition the blue/green controller runs NAME-blue and NAME-green side by side
        // (BlueGreenDeploymentService.startTransition; the old child is deleted only once the new one is ready).
        return r.BlueGreen is { } bg ? $"both children of blue/green deployment {bg.Name} ({bg.Name}-blue and {bg.Name}-green, side by side during every transition)" : null;
    }

    private static bool SameVolume(Mount a, Mount b) =>
        a.VolumeName == b.VolumeName || ClaimOf(a) is { } claim && claim == ClaimOf(b);

    private static string? ClaimOf(Mount mount) => mount.Volume?["persistentVolumeClaim"]?["claimName"]?.AsText();

    /// <summary>
    /// Flink renamed the directory keys in 1.20 (FLINK-34482; CheckpointingOptions withDeprecatedKeys); an
    /// older Flink reads only the old names, whatever the operator (built on a newer Flink) accepts.
    /// </summary>
    private static void KeyNames(FlinkResource r, ValidationContext context, FlinkConfiguration config)
    {
        if (FlinkVersions.ReadsRenamedKeys(r) || FlinkVersions.Of(r) is not { } version)
        {
            return;
        }
        foreach (var (aliases, name) in new[] { (ConfigKeys.CheckpointDir, "checkpoint directory"), (ConfigKeys.SavepointDir, "savepoint directory") })
        {
            if (config.GetNonBlank(aliases[0]) is not { } renamed || !ReferenceEquals(renamed.Source, r))
            {
                continue;
            }
            var flink = $"Flink {version.Major}.{version.Minor} (flinkVersion {r.Text(FlinkResource.SpecPointer.Append("flinkVersion"))})";
            if (config.GetNonBlank(aliases[1..]) is not { } old)
            {
                context.Report(RuleCatalog.KeyUnknownToFlinkVersion, r, renamed.Pointer,
                    $"{renamed.Key} is read only by Flink 1.20 and later; {flink} ignores it, so the job has no {name}; write it as {aliases[1]}");
            }
            else if (!StorageUri.Parse(old.Value.Trim()).IsSamePlace(StorageUri.Parse(renamed.Value.Trim())))
            {
                context.Report(RuleCatalog.KeyUnknownToFlinkVersion, r, renamed.Pointer,
                    $"{renamed.Key} ({renamed.Value}) is read only by Flink 1.20 and later; {flink} uses {old.Key} ({old.Value}) as the {name}; remove {renamed.Key} or give both the same value",
                    Diagnostics.Severity.Warning);
            }
        }
    }
}
