using System.Globalization;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// The storage the main Flink container sees in each role. The operator merges <c>spec.podTemplate</c>
/// with <c>jobManager.podTemplate</c> / <c>taskManager.podTemplate</c>; with its default
/// (<c>kubernetes.operator.pod-template.merge-arrays-by-name: false</c>) a list in the role template
/// replaces the base list, so containers and volumes come from the role template when it has them.
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
        var basePointer = JsonPointer.Of("spec", "podTemplate", "spec");
        var rolePointer = JsonPointer.Of("spec", role, "podTemplate", "spec");
        var containersAt = resource.At(rolePointer.Append("containers")) is JsonArray ? rolePointer : basePointer;
        var volumesAt = resource.At(rolePointer.Append("volumes")) is JsonArray ? rolePointer : basePointer;
        var volumes = Volumes(resource, volumesAt.Append("volumes"));
        var mounts = new List<Mount>();
        if (resource.At(containersAt.Append("containers")) is not JsonArray containers)
        {
            return mounts;
        }
        for (var c = 0; c < containers.Count; c++)
        {
            if (containers[c] is not JsonObject container || container["name"]?.AsText() != MainContainer)
            {
                continue;
            }
            var containerPointer = containersAt.Append("containers").Append(Index(c));
            mounts.AddRange(ReadMounts(resource, role, containerPointer.Append("volumeMounts"), volumes));
        }
        return mounts;
    }

    private static List<Mount> ClusterMounts(FlinkResource resource, string role)
    {
        var volumes = Volumes(resource, JsonPointer.Of("spec", role, "volumes"));
        return ReadMounts(resource, role, JsonPointer.Of("spec", role, "volumeMounts"), volumes);
    }

    private static List<Mount> ReadMounts(FlinkResource resource, string role, JsonPointer at, Dictionary<string, (JsonObject, JsonPointer)> volumes)
    {
        var mounts = new List<Mount>();
        if (resource.At(at) is not JsonArray list)
        {
            return mounts;
        }
        for (var m = 0; m < list.Count; m++)
        {
            if (list[m] is JsonObject mount && mount["mountPath"]?.AsText() is { } path && mount["name"]?.AsText() is { } name)
            {
                var found = volumes.TryGetValue(name, out var volume);
                mounts.Add(new Mount(role, path, name, at.Append(Index(m)), found ? volume.Item1 : null, found ? volume.Item2 : null));
            }
        }
        return mounts;
    }

    private static Dictionary<string, (JsonObject, JsonPointer)> Volumes(FlinkResource resource, JsonPointer at)
    {
        var volumes = new Dictionary<string, (JsonObject, JsonPointer)>(StringComparer.Ordinal);
        if (resource.At(at) is JsonArray list)
        {
            for (var v = 0; v < list.Count; v++)
            {
                if (list[v] is JsonObject volume && volume["name"]?.AsText() is { } name)
                {
                    volumes[name] = (volume, at.Append(Index(v)));
                }
            }
        }
        return volumes;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
