using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Resources;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Flink;

/// <summary>A view over one source document that is a Kubernetes resource ManifestFlow understands.</summary>
public sealed class FlinkResource
{
    /// <summary>The in-manifest suppression annotation (validate honours it; review reports one a change adds).</summary>
    public const string IgnoreAnnotation = "manifestflow.io/ignore";

    public static readonly JsonPointer SpecPointer = JsonPointer.Of("spec");
    public static readonly JsonPointer JobPointer = JsonPointer.Of("spec", "job");

    internal FlinkResource(SourceDocument document, JsonObject value, ResourceRef reference, ResourceKind kind)
    {
        Document = document;
        Value = value;
        Ref = reference;
        Kind = kind;
    }

    public SourceDocument Document { get; }

    public JsonObject Value { get; }

    public ResourceRef Ref { get; }

    public ResourceKind Kind { get; }

    /// <summary>
    /// The FlinkBlueGreenDeployment whose FlinkDeployment template this resource shows (see
    /// <see cref="BlueGreenTemplate"/>), or null for a resource read as it is written.
    /// </summary>
    public FlinkResource? BlueGreen { get; internal init; }

    /// <summary>The kind a user reads in findings and plans: a template shows as its blue/green deployment.</summary>
    public string KindName => BlueGreen is null ? Kind.ToString() : BlueGreen.Kind.ToString();

    /// <summary>Where a pointer into <see cref="Value"/> lies in the document (a template's spec sits under spec.template).</summary>
    public JsonPointer InDocument(JsonPointer pointer) => BlueGreen is null ? pointer : BlueGreenTemplate.InDocument(pointer);

    /// <summary>The source location of a pointer into <see cref="Value"/>.</summary>
    public SourceLocation LocationOf(JsonPointer pointer) => Document.LocationOf(InDocument(pointer));

    /// <summary>The document's own value, which edits apply to (a template's is its blue/green deployment's).</summary>
    public JsonObject DocumentValue => BlueGreen?.Value ?? Value;

    public string Namespace => string.IsNullOrEmpty(Ref.Namespace) ? "" : Ref.Namespace;

    public string Name => Ref.Name ?? "";

    public JsonObject? Spec => Value["spec"] as JsonObject;

    public JsonObject? Status => Value["status"] as JsonObject;

    public JsonObject? Job => Spec?["job"] as JsonObject;

    public JsonObject? Annotations => (Value["metadata"] as JsonObject)?["annotations"] as JsonObject;

    /// <summary>The resource behind a document, or null when the document is not a mapping with a kind.</summary>
    public static FlinkResource? From(SourceDocument document)
    {
        if (document.Value is not JsonObject value || ResourceIdentity.Of(value) is not { Kind: not null } reference)
        {
            return null;
        }
        return new FlinkResource(document, value, reference, Classify(reference));
    }

    public static ResourceKind Classify(ResourceRef r) => (Group(r.ApiVersion), r.Kind) switch
    {
        ("flink.apache.org", "FlinkDeployment") => ResourceKind.FlinkDeployment,
        ("flink.apache.org", "FlinkSessionJob") => ResourceKind.FlinkSessionJob,
        ("flink.apache.org", "FlinkStateSnapshot") => ResourceKind.FlinkStateSnapshot,
        ("flink.apache.org", "FlinkBlueGreenDeployment") => ResourceKind.FlinkBlueGreenDeployment,
        ("flinkoperator.k8s.io", "FlinkCluster") => ResourceKind.FlinkCluster,
        ("", "PersistentVolumeClaim") => ResourceKind.PersistentVolumeClaim,
        _ => ResourceKind.Other,
    };

    private static string Group(string? apiVersion) =>
        apiVersion is null ? "?" : apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>This resource with another spec and no status (a spec the operator acted on before, to compare with).</summary>
    public FlinkResource WithSpec(JsonObject spec) =>
        new(Document, new JsonObject { ["spec"] = spec.DeepClone() }, Ref, Kind) { BlueGreen = BlueGreen };

    public JsonNode? At(JsonPointer pointer)
    {
        JsonNode? node = Value;
        foreach (var segment in pointer.Segments)
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when JsonPointer.TryParseIndex(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public string? Text(JsonPointer pointer) =>
        At(pointer) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>An integer field, or null when absent or not an integer.</summary>
    public long? Integer(JsonPointer pointer) =>
        At(pointer) is not JsonValue v ? null
        : v.TryGetValue<long>(out var l) ? l
        : v.GetValueKind() == System.Text.Json.JsonValueKind.Number && IsWhole(v)
            ? (long)double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>A JSON number without a fractional part, however it is held (long, double, parsed text).</summary>
    public static bool IsWhole(JsonValue value) =>
        value.TryGetValue<long>(out _) || double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && !double.IsInfinity(d);

    public override string ToString() => Ref.ToString();
}
