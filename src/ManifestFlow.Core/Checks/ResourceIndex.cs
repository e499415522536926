using System.Collections.Concurrent;
using ManifestFlow.Core.Flink;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// The cross-file lookups of a run — by name, by namespace, by "may share a namespace" — built once over
/// every resource and read by all checks, from any thread. Each lookup is a dictionary hit, so checking
/// n resources stays linear however many of them share one namespace. Lists keep input order: findings
/// that name other resources must not depend on scheduling.
/// </summary>
public sealed class ResourceIndex
{
    private readonly Dictionary<ResourceKey, FlinkResource> _byName = [];
    private readonly Dictionary<ResourceKey, List<FlinkResource>> _byNamespace = [];
    private readonly Dictionary<ResourceKind, List<FlinkResource>> _byKind = [];
    private readonly Dictionary<FlinkResource, int> _position = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<ResourceKey, IReadOnlyList<FlinkResource>> _mayShare = new();

    public ResourceIndex(IReadOnlyList<FlinkResource> resources)
    {
        Resources = resources;
        for (var i = 0; i < resources.Count; i++)
        {
            var r = resources[i];
            _position[r] = i;
            _byName.TryAdd(new ResourceKey(r.Kind, r.Namespace, r.Name), r);
            Add(_byNamespace, new ResourceKey(r.Kind, r.Namespace, ""), r);
            Add(_byKind, r.Kind, r);
        }
    }

    public IReadOnlyList<FlinkResource> Resources { get; }

    public FlinkResource? Find(ResourceKind kind, string ns, string name) =>
        _byName.TryGetValue(new ResourceKey(kind, ns, name), out var found) ? found : null;

    /// <summary>The resources of a kind whose metadata.namespace is <paramref name="ns"/>.</summary>
    public IReadOnlyList<FlinkResource> InNamespace(ResourceKind kind, string ns) =>
        _byNamespace.TryGetValue(new ResourceKey(kind, ns, ""), out var found) ? found : [];

    /// <summary>
    /// The resources of a kind that may end up in namespace <paramref name="ns"/>: a resource without
    /// metadata.namespace lands in whatever namespace it is applied to, so it may meet any namespace, and
    /// one with no namespace may meet every resource.
    /// </summary>
    public IReadOnlyList<FlinkResource> MayShareNamespace(ResourceKind kind, string ns) =>
        _mayShare.GetOrAdd(new ResourceKey(kind, ns, ""), _ => ns.Length == 0
            ? _byKind.TryGetValue(kind, out var all) ? all : []
            : Merge(InNamespace(kind, ns), InNamespace(kind, "")));

    /// <summary>Two lists in input order, merged in input order.</summary>
    private List<FlinkResource> Merge(IReadOnlyList<FlinkResource> a, IReadOnlyList<FlinkResource> b)
    {
        var merged = new List<FlinkResource>(a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            merged.Add(j >= b.Count || (i < a.Count && _position[a[i]] < _position[b[j]]) ? a[i++] : b[j++]);
        }
        return merged;
    }

    private static void Add<TKey>(Dictionary<TKey, List<FlinkResource>> index, TKey key, FlinkResource r) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(r);
    }
}
