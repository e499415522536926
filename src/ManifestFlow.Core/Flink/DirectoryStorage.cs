using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// Where a <c>file:</c> state directory really lives: it must lie under a mount of the main Flink
/// container that is backed by a persistentVolumeClaim (in every role that writes it); emptyDir and
/// hostPath are not persistent; a named claim must exist when the input holds PersistentVolumeClaims.
/// A fact of the model: the checks report these problems as rules, and restore refuses a savepoint
/// whose storage loses state — both ask this one place.
/// </summary>
public static class DirectoryStorage
{
    /// <summary>A volume and the roles that keep the directory on it (a class: LINQ over tuple lists is jitted at start-up).</summary>
    private sealed record VolumeUse(Mount Mount, List<string> Roles);

    private static readonly string[] PodLifetime = ["emptyDir", "ephemeral", "configMap", "secret", "downwardAPI", "projected"];

    /// <param name="pods">The resource whose pod templates run the containers (a session job's cluster).</param>
    /// <param name="claims">The PersistentVolumeClaims that may share the pods' namespace (none: claims are not checked).</param>
    public static List<StorageProblem> Problems(FlinkResource pods, FlinkResource reportOn, JsonPointer pointer, string what, StorageUri uri, IReadOnlyList<string> roles, IReadOnlyList<FlinkResource> claims)
    {
        var problems = new List<StorageProblem>();
        var unmounted = new List<string>();
        var onVolumes = new List<VolumeUse>();
        foreach (var role in roles)
        {
            var mount = DeepestMountHolding(PodTemplates.Mounts(pods, role), uri);
            if (mount is null)
            {
                unmounted.Add(role);
            }
            else if (onVolumes.Find(v => Equals(v.Mount.VolumePointer, mount.VolumePointer) && v.Mount.MountPath == mount.MountPath) is { } shared)
            {
                shared.Roles.Add(role); // the same volume of a shared template: one finding naming every role
            }
            else
            {
                onVolumes.Add(new VolumeUse(mount, [role]));
            }
        }
        foreach (var use in onVolumes)
        {
            if (VolumeProblem(pods, reportOn, pointer, what, use.Mount with { Role = string.Join(" and ", use.Roles) }, claims) is { } problem)
            {
                problems.Add(problem);
            }
        }
        if (unmounted.Count > 0)
        {
            var container = $"{PodTemplates.MainContainer} ({string.Join(", ", unmounted)})";
            problems.Add(new StorageProblem(StorageProblemKind.NotMounted, reportOn, pointer,
                pods.Kind == ResourceKind.FlinkCluster
                    ? $"{what} is not under any volumeMount of the {string.Join(", ", unmounted)} pods, so it is lost when the pod restarts; mount a persistentVolumeClaim at a parent directory"
                    : $"{what} is not under any volume mount of {container}, so it is written to the container's own disk and lost when the pod restarts; mount a persistentVolumeClaim at a parent directory in the pod template{Displaced(pods, unmounted)}"));
        }
        return problems;
    }

    /// <summary>Why a role lost the base template's main container, when a merge by position is the reason.</summary>
    private static string Displaced(FlinkResource pods, List<string> roles)
    {
        foreach (var role in roles)
        {
            if (PodTemplates.DisplacedMainContainer(pods, role) is { } name)
            {
                return $" (the {role} pod template's container '{name}' merges into spec.podTemplate's {PodTemplates.MainContainer} at the same list position and renames it; put {PodTemplates.MainContainer} at that position in the role template too, or set {PodTemplateMerge.MergeByNameKey}: true)";
            }
        }
        return "";
    }

    /// <summary>The volume's sources (emptyDir, persistentVolumeClaim, ...): every key but the name, in merge order.</summary>
    private static List<KeyValuePair<string, JsonPointer>> Sources(Mount mount)
    {
        var sources = new List<KeyValuePair<string, JsonPointer>>();
        foreach (var key in mount.VolumeKeys)
        {
            if (key.Key != "name")
            {
                sources.Add(key);
            }
        }
        return sources;
    }

    /// <summary>The mount with the longest path that contains the directory (a loop: MaxBy over an int key is jitted at start-up).</summary>
    public static Mount? DeepestMountHolding(IEnumerable<Mount> mounts, StorageUri uri)
    {
        Mount? deepest = null;
        foreach (var m in mounts)
        {
            if (StorageUri.IsPathWithin(uri.Path, StorageUri.Parse("file://" + m.MountPath).Path) && (deepest is null || m.MountPath.Length > deepest.MountPath.Length))
            {
                deepest = m;
            }
        }
        return deepest;
    }

    private static StorageProblem? VolumeProblem(FlinkResource pods, FlinkResource reportOn, JsonPointer pointer, string what, Mount mount, IReadOnlyList<FlinkResource> claims)
    {
        if (mount.Volume is null)
        {
            return new StorageProblem(StorageProblemKind.VolumeNotDeclared, pods, mount.Pointer,
                $"{what} is on mount {mount.MountPath} of volume '{mount.VolumeName}', which the {mount.Role} pod template does not declare; add it under volumes");
        }
        var sources = Sources(mount);
        if (sources.Count > 1)
        {
            // Kubernetes accepts exactly one source per volume ("may not specify more than 1 volume type").
            // Worded per volume, not per directory, so several directories on the volume give one finding.
            var why = pods.Kind == ResourceKind.FlinkCluster ? ""
                : $": the operator merges a role's pod template into spec.podTemplate element by element (by list position, or by name with {PodTemplateMerge.MergeByNameKey}: true), so a role's list does not replace the base list";
            var written = string.Join(", ", sources.Select(s => $"{s.Key} at line {NodeLocator.PositionOf(pods.Document, s.Value).Line}"));
            return new StorageProblem(StorageProblemKind.SeveralSources, pods, sources[^1].Value,
                $"volume '{mount.VolumeName}' holds state directories and has {sources.Count} sources in the {mount.Role} pods ({written}){why}; Kubernetes rejects a volume with more than one source, so give it exactly one");
        }
        var volumeType = sources.Count == 1 ? sources[0].Key : "unknown";
        if (PodLifetime.Contains(volumeType))
        {
            return new StorageProblem(StorageProblemKind.PodLifetime, reportOn, pointer,
                $"{what} is on volume '{mount.VolumeName}' ({volumeType}, mounted at {mount.MountPath} in the {mount.Role} pods), which is deleted with the pod; back it with a persistentVolumeClaim");
        }
        else if (volumeType == "hostPath")
        {
            return new StorageProblem(StorageProblemKind.HostPath, reportOn, pointer,
                $"{what} is on hostPath volume '{mount.VolumeName}' (mounted at {mount.MountPath} in the {mount.Role} pods): it stays on one node, so a pod scheduled elsewhere loses it; back it with a persistentVolumeClaim");
        }
        else if (volumeType == "persistentVolumeClaim" && mount.Volume["persistentVolumeClaim"]?["claimName"]?.AsText() is { } claim && mount.ClaimNamePointer is { } claimAt)
        {
            if (claims.Count > 0 && claims.All(p => p.Name != claim))
            {
                var nearest = Suggestions.Nearest(claim, claims.Select(c => c.Name));
                // Worded per volume, not per directory, so several directories on one claim give one finding.
                return new StorageProblem(StorageProblemKind.ClaimMissing, pods, claimAt,
                    $"volume '{mount.VolumeName}' holds state directories on claim '{claim}', which is not among the PersistentVolumeClaims of the input ({string.Join(", ", claims.Select(c => c.Name).Order(StringComparer.Ordinal))}){(nearest is null ? "" : $"; did you mean '{nearest}'?")}");
            }
        }
        return null;
    }
}
