using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// The types and enumerations of the fields ManifestFlow reads, as the CRDs declare them, so a wrong
/// type or an unknown value is one clear finding instead of a rule silently reading nothing.
/// </summary>
public static class FieldSchema
{
    public enum FieldType
    {
        Object,
        Array,
        String,
        Integer,
        Boolean,
        Enum,
    }

    public sealed record Field(JsonPointer Pointer, FieldType Type, string[]? Values = null);

    public static readonly string[] UpgradeModes = ["last-state", "savepoint", "stateless"];
    public static readonly string[] JobStates = ["running", "suspended"];
    public static readonly string[] FlinkVersions = ["v1_13", "v1_14", "v1_15", "v1_16", "v1_17", "v1_18", "v1_19", "v1_20", "v2_0", "v2_1", "v2_2", "v2_3", "v2_4"];

    private static readonly Field[] JobFields =
    [
        F("spec", FieldType.Object), F("spec/job", FieldType.Object), F("spec/flinkConfiguration", FieldType.Object),
        E("spec/job/upgradeMode", UpgradeModes), E("spec/job/state", JobStates),
        F("spec/job/parallelism", FieldType.Integer), F("spec/job/savepointTriggerNonce", FieldType.Integer),
        F("spec/job/checkpointTriggerNonce", FieldType.Integer), F("spec/job/savepointRedeployNonce", FieldType.Integer),
        F("spec/job/autoscalerResetNonce", FieldType.Integer), F("spec/job/allowNonRestoredState", FieldType.Boolean),
        F("spec/job/initialSavepointPath", FieldType.String), F("spec/job/jarURI", FieldType.String),
        F("spec/job/entryClass", FieldType.String), F("spec/job/args", FieldType.Array), F("spec/restartNonce", FieldType.Integer),
        F("status", FieldType.Object), F("status/jobStatus", FieldType.Object),
        E("status/jobStatus/state", ["CANCELED", "CANCELLING", "CREATED", "FAILED", "FAILING", "FINISHED", "INITIALIZING", "RECONCILING", "RESTARTING", "RUNNING", "SUSPENDED"]),
    ];

    private static readonly Field[] DeploymentFields =
    [
        .. JobFields,
        E("spec/flinkVersion", FlinkVersions), E("spec/mode", ["native", "standalone"]),
        F("spec/serviceAccount", FieldType.String), F("spec/image", FieldType.String),
        F("spec/jobManager", FieldType.Object), F("spec/taskManager", FieldType.Object), F("spec/podTemplate", FieldType.Object),
        F("spec/jobManager/replicas", FieldType.Integer), F("spec/taskManager/replicas", FieldType.Integer),
        F("spec/jobManager/podTemplate", FieldType.Object), F("spec/taskManager/podTemplate", FieldType.Object),
        E("status/jobManagerDeploymentStatus", ["DEPLOYED_NOT_READY", "DEPLOYING", "ERROR", "MISSING", "READY"]),
    ];

    private static readonly Field[] SessionJobFields = [.. JobFields, F("spec/deploymentName", FieldType.String)];

    private static readonly Field[] SnapshotFields =
    [
        F("spec", FieldType.Object), F("spec/jobReference", FieldType.Object), E("spec/jobReference/kind", ["FlinkDeployment", "FlinkSessionJob"]),
        F("spec/jobReference/name", FieldType.String), F("spec/savepoint", FieldType.Object), F("spec/checkpoint", FieldType.Object),
        F("spec/savepoint/alreadyExists", FieldType.Boolean), F("spec/savepoint/disposeOnDelete", FieldType.Boolean),
        E("spec/savepoint/formatType", ["CANONICAL", "NATIVE", "UNKNOWN"]), F("spec/savepoint/path", FieldType.String),
        F("spec/backoffLimit", FieldType.Integer), F("status", FieldType.Object),
        E("status/state", ["ABANDONED", "COMPLETED", "FAILED", "IN_PROGRESS", "TRIGGER_PENDING"]), F("status/path", FieldType.String),
    ];

    private static readonly Field[] ClusterFields =
    [
        F("spec", FieldType.Object), F("spec/job", FieldType.Object), F("spec/job/savepointsDir", FieldType.String),
        F("spec/job/autoSavepointSeconds", FieldType.Integer), F("spec/job/savepointGeneration", FieldType.Integer),
        E("spec/job/restartPolicy", ["Never", "FromSavepointOnFailure"]), F("spec/job/parallelism", FieldType.Integer),
        F("spec/job/fromSavepoint", FieldType.String), F("spec/job/allowNonRestoredState", FieldType.Boolean),
    ];

    public static IReadOnlyList<Field> For(ResourceKind kind) => kind switch
    {
        ResourceKind.FlinkDeployment => DeploymentFields,
        ResourceKind.FlinkSessionJob => SessionJobFields,
        ResourceKind.FlinkStateSnapshot => SnapshotFields,
        ResourceKind.FlinkCluster => ClusterFields,
        _ => [],
    };

    /// <summary>Null when <paramref name="value"/> fits, else what is wrong.</summary>
    public static string? Mismatch(Field field, JsonNode value)
    {
        var kind = value.GetValueKind();
        var fits = field.Type switch
        {
            FieldType.Object => kind == JsonValueKind.Object,
            FieldType.Array => kind == JsonValueKind.Array,
            FieldType.String or FieldType.Enum => kind == JsonValueKind.String,
            FieldType.Integer => kind == JsonValueKind.Number && FlinkResource.IsWhole(value.AsValue()),
            FieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!fits)
        {
            var expected = field.Type == FieldType.Enum ? "a string" : "an " + field.Type.ToString().ToLowerInvariant();
            expected = expected.Replace("an string", "a string", StringComparison.Ordinal).Replace("an boolean", "a boolean", StringComparison.Ordinal).Replace("an array", "a list", StringComparison.Ordinal).Replace("an object", "a mapping", StringComparison.Ordinal);
            return $"must be {expected}, not {Describe(value)}";
        }
        if (field.Type == FieldType.Enum && !field.Values!.Contains(value.GetValue<string>()))
        {
            var text = value.GetValue<string>();
            var nearest = Nearest(text, field.Values!);
            var suggestion = nearest is null ? "" : $"did you mean '{nearest}'? ";
            return $"'{text}' is not a known value; {suggestion}(one of {string.Join(", ", field.Values!)})";
        }
        return null;
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{Shorten(value.GetValue<string>())}\"",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        _ => value.ToJsonString(),
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..37] + "..." : s;

    /// <summary>The closest value by edit distance, when it is close enough to be a likely typo.</summary>
    /// <summary>The closest of <paramref name="values"/> (see <see cref="Suggestions.Nearest"/>).</summary>
    public static string? Nearest(string text, IEnumerable<string> values) => Suggestions.Nearest(text, values);

    private static Field F(string path, FieldType type) => new(Pointer(path), type);

    private static Field E(string path, string[] values) => new(Pointer(path), FieldType.Enum, values);

    private static JsonPointer Pointer(string path) => JsonPointer.TryParse("/" + path, out _)!;
}
