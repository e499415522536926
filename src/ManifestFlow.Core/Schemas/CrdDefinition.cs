using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Schemas;

/// <summary>One version of a CRD: whether the API server serves it, and its OpenAPI v3 schema.</summary>
public sealed record CrdVersion(string Name, bool Served, JsonObject? Schema);

/// <summary>
/// A CustomResourceDefinition as far as validation needs it: group, kind, versions and their schemas.
/// Reads apiextensions.k8s.io/v1 (a schema per version) and v1beta1 (one <c>spec.validation</c> schema
/// for all versions, as the FlinkCluster CRD is written).
/// </summary>
public sealed class CrdDefinition
{
    /// <summary>
    /// The fields the API server itself owns on every object: a CRD schema may leave metadata as a bare
    /// <c>type: object</c>, but the server still decodes it as ObjectMeta and rejects what does not fit.
    /// </summary>
    private static readonly JsonObject ObjectMeta = JsonNode.Parse("""
        {"type":"object","properties":{
          "name":{"type":"string"},"generateName":{"type":"string"},"namespace":{"type":"string"},
          "selfLink":{"type":"string"},"uid":{"type":"string"},"resourceVersion":{"type":"string"},
          "generation":{"type":"integer","format":"int64"},"creationTimestamp":{"type":"string"},
          "deletionTimestamp":{"type":"string"},"deletionGracePeriodSeconds":{"type":"integer","format":"int64"},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "annotations":{"type":"object","additionalProperties":{"type":"string"}},
          "ownerReferences":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
          "finalizers":{"type":"array","items":{"type":"string"}},
          "managedFields":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}
        """)!.AsObject();

    private CrdDefinition(string group, string kind, IReadOnlyList<CrdVersion> versions, string origin)
    {
        Group = group;
        Kind = kind;
        Versions = versions;
        Origin = origin;
    }

    public string Group { get; }

    public string Kind { get; }

    public IReadOnlyList<CrdVersion> Versions { get; }

    /// <summary>Where the definition comes from, for messages ("Flink Kubernetes Operator 1.15.0", a --crd file).</summary>
    public string Origin { get; }

    public CrdVersion? Version(string name) => Versions.FirstOrDefault(v => v.Name == name);

    public IEnumerable<string> ServedVersions => Versions.Where(v => v.Served).Select(v => v.Name);

    /// <summary>The definition in <paramref name="crd"/>, or null with <paramref name="error"/> saying what is missing.</summary>
    public static CrdDefinition? From(JsonObject crd, string origin, out string? error)
    {
        error = null;
        if (Text(crd["kind"]) != "CustomResourceDefinition" || Text(crd["apiVersion"]) is not ("apiextensions.k8s.io/v1" or "apiextensions.k8s.io/v1beta1"))
        {
            error = "not a CustomResourceDefinition (apiextensions.k8s.io/v1 or v1beta1)";
            return null;
        }
        var spec = crd["spec"] as JsonObject;
        var group = Text(spec?["group"]);
        var kind = Text(spec?["names"]?["kind"]);
        if (group is null || kind is null)
        {
            error = "the CustomResourceDefinition has no spec.group or spec.names.kind";
            return null;
        }
        var shared = spec!["validation"]?["openAPIV3Schema"] as JsonObject;
        var versions = new List<CrdVersion>();
        foreach (var entry in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(entry["name"]) is { } name)
            {
                var served = entry["served"] is not JsonValue s || s.GetValueKind() != JsonValueKind.False;
                versions.Add(new CrdVersion(name, served, entry["schema"]?["openAPIV3Schema"] as JsonObject ?? shared));
            }
        }
        if (versions.Count == 0 && Text(spec["version"]) is { } only)
        {
            versions.Add(new CrdVersion(only, true, shared));
        }
        if (versions.Count == 0)
        {
            error = "the CustomResourceDefinition declares no versions";
            return null;
        }
        return new CrdDefinition(group, kind, versions, origin);
    }

    /// <summary>
    /// Every problem the API server would find in <paramref name="resource"/> under <paramref name="version"/>'s
    /// schema. apiVersion and kind are implicit at the root; metadata is ObjectMeta whatever the CRD says;
    /// status is checked for types and values only.
    /// </summary>
    public static List<SchemaProblem> Validate(JsonObject resource, CrdVersion version)
    {
        var problems = new List<SchemaProblem>();
        if (version.Schema is not { } schema)
        {
            return problems;
        }
        var properties = schema["properties"] as JsonObject;
        foreach (var (key, value) in resource)
        {
            var at = JsonPointer.Of(key);
            if (key is "apiVersion" or "kind")
            {
                continue;
            }
            if (key == "metadata")
            {
                StructuralValidator.Validate(value, ObjectMeta, at, key, StructuralValidator.Mode.Strict, problems);
            }
            else if (properties?[key] is JsonObject declared)
            {
                StructuralValidator.Validate(value, declared, at, key, key == "status" ? StructuralValidator.Mode.TypesOnly : StructuralValidator.Mode.Strict, problems);
            }
            else if (key != "status" && !IsTrue(schema["x-kubernetes-preserve-unknown-fields"]))
            {
                var nearest = Diagnostics.Suggestions.Nearest(key, ["apiVersion", "kind", "metadata", .. properties?.Select(p => p.Key) ?? []]);
                problems.Add(new SchemaProblem(SchemaProblemKind.UnknownField, at, $"unknown field {key}", nearest));
            }
        }
        return problems;
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
