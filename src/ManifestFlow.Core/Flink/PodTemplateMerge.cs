using System.Globalization;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// The pod template a role's pods get, merged the way the operator merges it
/// (<c>FlinkUtils.mergePodTemplates</c>, called by <c>FlinkConfigBuilder.applyPodTemplate</c>): the role's
/// template is merged field by field into a copy of <c>spec.podTemplate</c>. Arrays merge by position —
/// element i of the role's list into element i of the base list, extra elements appended — or, when
/// <c>kubernetes.operator.pod-template.merge-arrays-by-name</c> is true and every element of both lists has a
/// <c>name</c>, by name. A role list never replaces the base list. Every node of the result remembers the
/// source it came from, so findings point at the line that decided it.
/// </summary>
public sealed class PodTemplateMerge
{
    public const string MergeByNameKey = "kubernetes.operator.pod-template.merge-arrays-by-name";

    private readonly Dictionary<JsonNode, JsonPointer> _origins = new(ReferenceEqualityComparer.Instance);
    private readonly bool _byName;

    private PodTemplateMerge(bool byName) => _byName = byName;

    /// <summary>The merged pod template, or null when neither template is a mapping.</summary>
    public JsonObject? Template { get; private set; }

    /// <summary>Where a node of <see cref="Template"/> came from: a merged mapping reports the role's side, which overrode the base.</summary>
    public JsonPointer OriginOf(JsonNode node) => _origins[node];

    /// <summary>The template of <paramref name="role"/> (jobManager or taskManager) of a FlinkDeployment.</summary>
    public static PodTemplateMerge Of(FlinkResource resource, string role)
    {
        var basePointer = JsonPointer.Of("spec", "podTemplate");
        var rolePointer = JsonPointer.Of("spec", role, "podTemplate");
        var merge = new PodTemplateMerge(FlinkConfiguration.Of(resource).IsTrue(MergeByNameKey));
        var from = resource.At(rolePointer) as JsonObject;
        if (resource.At(basePointer) is JsonObject to)
        {
            var result = (JsonObject)merge.Clone(to, basePointer);
            if (from is not null)
            {
                merge.MergeInto(result, from, rolePointer);
            }
            merge.Template = result;
        }
        else if (from is not null)
        {
            merge.Template = (JsonObject)merge.Clone(from, rolePointer);
        }
        return merge;
    }

    /// <summary>mergeInto: each field of <paramref name="from"/> merges into the field of the same name, or replaces it.</summary>
    private void MergeInto(JsonNode to, JsonNode from, JsonPointer fromAt)
    {
        // Jackson iterates no fields of a non-object and sets none on one: such pairs stay as they are.
        if (to is not JsonObject target || from is not JsonObject source)
        {
            return;
        }
        _origins[target] = fromAt;
        foreach (var (name, fromChild) in source)
        {
            if (fromChild is null)
            {
                continue; // the Kubernetes model drops null fields before merging
            }
            var at = fromAt.Append(name);
            switch (target[name])
            {
                case JsonArray toArray when fromChild is JsonArray fromArray:
                    MergeArray(toArray, fromArray, at);
                    break;
                case JsonObject toObject:
                    MergeInto(toObject, fromChild, at);
                    break;
                default:
                    target[name] = Clone(fromChild, at);
                    break;
            }
        }
    }

    private void MergeArray(JsonArray to, JsonArray from, JsonPointer fromAt)
    {
        if (_byName && NamesDefined(to) && NamesDefined(from))
        {
            MergeArrayByName(to, from, fromAt);
            return;
        }
        for (var i = 0; i < from.Count; i++)
        {
            var at = fromAt.Append(Index(i));
            if (i >= to.Count)
            {
                to.Add(from[i] is { } added ? Clone(added, at) : null);
            }
            else if (from[i] is { } element && to[i] is { } existing)
            {
                MergeInto(existing, element, at);
            }
        }
    }

    /// <summary>groupByName: the base's elements keep their order (a repeated name keeps its first place, last value); new names follow.</summary>
    private void MergeArrayByName(JsonArray to, JsonArray from, JsonPointer fromAt)
    {
        var merged = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var order = new List<string>();
        void Put(string name, JsonNode node)
        {
            if (!merged.ContainsKey(name))
            {
                order.Add(name);
            }
            merged[name] = node;
        }
        foreach (var element in to)
        {
            Put(NameOf(element!), element!);
        }
        var fromByName = new Dictionary<string, (JsonNode Node, int Index)>(StringComparer.Ordinal);
        var fromOrder = new List<string>();
        for (var i = 0; i < from.Count; i++)
        {
            var name = NameOf(from[i]!);
            if (!fromByName.ContainsKey(name))
            {
                fromOrder.Add(name);
            }
            fromByName[name] = (from[i]!, i);
        }
        foreach (var name in fromOrder)
        {
            var (node, index) = fromByName[name];
            var at = fromAt.Append(Index(index));
            if (merged.TryGetValue(name, out var existing))
            {
                MergeInto(existing, node, at);
            }
            else
            {
                Put(name, Clone(node, at));
            }
        }
        to.Clear(); // detaches the base's elements, so they can be added back in the merged order
        foreach (var name in order)
        {
            to.Add(merged[name]);
        }
    }

    /// <summary>namesDefined: every element is a mapping with a <c>name</c> (an empty list qualifies; the Kubernetes model drops a null name).</summary>
    private static bool NamesDefined(JsonArray array)
    {
        foreach (var element in array)
        {
            if (element is not JsonObject o || o["name"] is null)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Jackson's asText() of the name: text as written, other scalars as JSON.</summary>
    private static string NameOf(JsonNode element) => element["name"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other!.ToJsonString(),
    };

    /// <summary>A deep copy whose every node records where in the resource it was read.</summary>
    private JsonNode Clone(JsonNode node, JsonPointer at)
    {
        JsonNode copy;
        switch (node)
        {
            case JsonObject o:
                var obj = new JsonObject();
                foreach (var (key, child) in o)
                {
                    obj[key] = child is null ? null : Clone(child, at.Append(key));
                }
                copy = obj;
                break;
            case JsonArray a:
                var array = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    array.Add(a[i] is { } element ? Clone(element, at.Append(Index(i))) : null);
                }
                copy = array;
                break;
            default:
                copy = node.DeepClone();
                break;
        }
        _origins[copy] = at;
        return copy;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
