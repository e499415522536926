using System.Globalization;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// The storage the main Flink container sees in each role. A FlinkDeployment's pods get
/// <c>spec.podTemplate</c> merged with the role's template the way the operator merges them (by list
/// position unless <c>kubernetes.operator.pod-template.merge-arrays-by-name</c> is true, see
/// <see cref="PodTemplateMerge"/>); Flink then picks the container named <c>flink-main-container</c>.
/// FlinkCluster declares <c>volumes</c> and <c>volumeMounts</c> directly per role.
/// </summary>
public static class PodTemplates
{
    public const string MainContainer = "flink-main-container";

    public static readonly string[] Roles = ["jobManager", "taskManager"];

    public static IReadOnlyList<Mount> Mounts(FlinkResource resource, string role) =>
        resource.Kind == ResourceKind.FlinkCluster ? ClusterMounts(resource, role) : DeploymentMounts(resource, role);

    private static List<Mount> DeploymentMounts(FlinkResource resource, string role)
    {
        var merge = PodTemplateMerge.Of(resource, role);
        var mounts = new List<Mount>();
        if (merge.Template?["spec"] is not JsonObject spec || spec["containers"] is not JsonArray containers)
        {
            return mounts;
        }
        var volumes = new Dictionary<string, Mount>(StringComparer.Ordinal);
        if (spec["volumes"] is JsonArray declared)
        {
            foreach (var node in declared)
            {
                if (node is JsonObject volume && volume["name"]?.AsText() is { } name)
                {
                    volumes[name] = VolumeOf(volume, merge.OriginOf(volume), merge.OriginOf);
                }
            }
        }
        foreach (var node in containers)
        {
            if (node is JsonObject container && container["name"]?.AsText() == MainContainer && container["volumeMounts"] is JsonArray list)
            {
                foreach (var item in list)
                {
                    if (item is JsonObject mount && mount["mountPath"]?.AsText() is { } path && mount["name"]?.AsText() is { } name)
                    {
                        mounts.Add(WithVolume(role, path, name, merge.OriginOf(mount), volumes) with { SubPath = mount["subPath"]?.AsText() });
                    }
                }
            }
        }
        return mounts;
    }

    /// <summary>
    /// The name a role's container gave the base template's main container by merging into it at the same
    /// list position, or null when the merged template still has the main container.
    /// </summary>
    public static string? DisplacedMainContainer(FlinkResource resource, string role)
    {
        if (resource.Kind == ResourceKind.FlinkCluster || resource.At(JsonPointer.Of("spec", "podTemplate", "spec", "containers")) is not JsonArray baseContainers
            || PodTemplateMerge.Of(resource, role).Template?["spec"]?["containers"] is not JsonArray merged)
        {
            return null;
        }
        var at = -1;
        for (var i = 0; i < baseContainers.Count; i++)
        {
            if (baseContainers[i]?["name"]?.AsText() == MainContainer)
            {
                at = i;
            }
        }
        foreach (var container in merged)
        {
            if (container?["name"]?.AsText() == MainContainer)
            {
                return null;
            }
        }
        return at >= 0 && at < merged.Count ? merged[at]?["name"]?.AsText() : null;
    }

    private static List<Mount> ClusterMounts(FlinkResource resource, string role)
    {
        var volumes = new Dictionary<string, Mount>(StringComparer.Ordinal);
        var volumesAt = JsonPointer.Of("spec", role, "volumes");
        if (resource.At(volumesAt) is JsonArray declared)
        {
            for (var v = 0; v < declared.Count; v++)
            {
                if (declared[v] is JsonObject volume && volume["name"]?.AsText() is { } name)
                {
                    volumes[name] = VolumeOf(volume, volumesAt.Append(Index(v)), PointerOf);
                }
            }
        }
        var mounts = new List<Mount>();
        var mountsAt = JsonPointer.Of("spec", role, "volumeMounts");
        if (resource.At(mountsAt) is JsonArray list)
        {
            for (var m = 0; m < list.Count; m++)
            {
                if (list[m] is JsonObject mount && mount["mountPath"]?.AsText() is { } path && mount["name"]?.AsText() is { } name)
                {
                    mounts.Add(WithVolume(role, path, name, mountsAt.Append(Index(m)), volumes));
                }
            }
        }
        return mounts;
    }

    /// <summary>A declared volume, held as a mount template whose mount fields are filled in per mount.</summary>
    private static Mount VolumeOf(JsonObject volume, JsonPointer at, Func<JsonNode, JsonPointer> origin)
    {
        var keys = new List<KeyValuePair<string, JsonPointer>>();
        foreach (var (key, value) in volume)
        {
            if (value is not null)
            {
                keys.Add(new(key, origin(value)));
            }
        }
        var claim = volume["persistentVolumeClaim"]?["claimName"];
        return new Mount("", "", "", at, volume, at) { VolumeKeys = keys, ClaimNamePointer = claim is null ? null : origin(claim) };
    }

    private static Mount WithVolume(string role, string path, string name, JsonPointer pointer, Dictionary<string, Mount> volumes) =>
        volumes.TryGetValue(name, out var volume)
            ? volume with { Role = role, MountPath = path, VolumeName = name, Pointer = pointer }
            : new Mount(role, path, name, pointer, null, null);

    /// <summary>The pointer of a node read in place, found by walking up to the document root.</summary>
    private static JsonPointer PointerOf(JsonNode node)
    {
        var segments = new List<string>();
        for (var n = node; n.Parent is { } parent; n = parent)
        {
            segments.Add(parent is JsonArray ? Index(n.GetElementIndex()) : n.GetPropertyName());
        }
        segments.Reverse();
        return JsonPointer.Of([.. segments]);
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
