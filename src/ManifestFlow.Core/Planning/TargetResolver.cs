using ManifestFlow.Core.Flink;

namespace ManifestFlow.Core.Planning;

/// <summary>
/// Finds the --deployment target among the inputs' FlinkDeployments, FlinkSessionJobs and FlinkClusters,
/// and the templates of FlinkBlueGreenDeployments (which act as the FlinkDeployment their controller makes).
/// </summary>
public static class TargetResolver
{
    public static FlinkResource? Find(IReadOnlyList<FlinkResource> resources, string name, string? ns, out string? error)
    {
        error = null;
        var targets = resources.Where(r => r.Kind is ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob or ResourceKind.FlinkCluster).ToList();
        var matches = targets.Where(r => r.Name == name && (ns is null || r.Namespace == ns)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }
        if (matches.Count > 1)
        {
            error = $"several resources are named {name} ({string.Join(", ", matches.Select(m => m.Ref.ToString()))}); choose one with --namespace";
            return null;
        }
        if (resources.FirstOrDefault(r => r.Kind == ResourceKind.FlinkBlueGreenDeployment && r.Name == name && (ns is null || r.Namespace == ns)) is { } blueGreen)
        {
            error = $"{blueGreen.Ref} has no spec.template.spec to act on (MF2040); move the FlinkDeployment's spec under spec.template.spec";
            return null;
        }
        var known = targets.Select(t => t.Ref.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        error = known.Count == 0
            ? $"no FlinkDeployment, FlinkSessionJob or FlinkCluster named {name}{(ns is null ? "" : $" in namespace {ns}")}: the input holds none"
            : $"no FlinkDeployment, FlinkSessionJob or FlinkCluster named {name}{(ns is null ? "" : $" in namespace {ns}")}; the input holds {string.Join(", ", known)}";
        return null;
    }
}
