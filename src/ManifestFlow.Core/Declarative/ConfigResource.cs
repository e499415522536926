using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Operations;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Declarative;

/// <summary>
/// A declarative request (<c>manifestflow.io/v1alpha1</c> FlinkBackup, FlinkRestore, FlinkSuspend,
/// FlinkValidate) read the way kustomize's function framework reads a function config: shape, then
/// binding of every field, then defaults, then validation — and every error is reported at once, each
/// at its own location. The operation kinds and their fields come from <see cref="OperationCatalog"/>.
/// </summary>
public sealed record ConfigResource(FlinkResource Source, string Kind, OperationRequest? Operation, Severity? FailOn, IReadOnlySet<string> Disabled)
{
    public const string ApiVersion = "manifestflow.io/v1alpha1";
    public static readonly string ErrorId = RuleCatalog.ConfigInvalid.Id;
    public const string ValidateKind = "FlinkValidate";

    public static IReadOnlyList<string> Kinds { get; } = [.. OperationCatalog.All.Select(o => o.ConfigKind), ValidateKind];

    private static readonly Dictionary<string, ConfigField> ValidateFields = new()
    {
        ["failOn"] = ConfigField.OneOf("error", "warning"),
        ["disable"] = ConfigField.Array,
    };

    private static readonly Dictionary<string, ConfigField> TargetFields = new()
    {
        ["kind"] = ConfigField.OneOf("FlinkDeployment", "FlinkSessionJob", "FlinkCluster"),
        ["name"] = ConfigField.String,
        ["namespace"] = ConfigField.String,
    };

    /// <summary>The spec fields a kind accepts (the JSON Schema in schemas/ must list the same).</summary>
    public static IEnumerable<string> SpecFields(string kind) => Fields(kind)!.Keys;

    public static IEnumerable<string> TargetFieldNames => TargetFields.Keys;

    private static Dictionary<string, ConfigField>? Fields(string kind) =>
        kind == ValidateKind ? new Dictionary<string, ConfigField>(ValidateFields)
        : OperationCatalog.ByConfigKind(kind) is { } operation ? new Dictionary<string, ConfigField>(operation.SpecFields) { ["target"] = ConfigField.Object }
        : null;

    public static bool IsConfig(FlinkResource resource) =>
        resource.Ref.ApiVersion == ApiVersion && Kinds.Contains(resource.Ref.Kind ?? "");

    public static bool IsConfigGroup(FlinkResource resource) =>
        resource.Ref.ApiVersion?.StartsWith("manifestflow.io/", StringComparison.Ordinal) == true;

    /// <summary>Reads a config resource; returns null and the errors when it cannot be used.</summary>
    public static ConfigResource? Read(FlinkResource resource, List<Diagnostic> errors)
    {
        var before = errors.Count;
        void Error(JsonPointer at, string message) => errors.Add(Catalog.Refusal(resource.Document.LocationOf(at), message, resource.Ref) with { RuleId = ErrorId });
        var kind = resource.Ref.Kind ?? "";
        if (resource.Ref.ApiVersion != ApiVersion || Fields(kind) is not { } fields)
        {
            Error(JsonPointer.Of("kind"), $"{resource.Ref.ApiVersion}/{kind} is not a ManifestFlow config resource; use apiVersion {ApiVersion} with kind {string.Join(", ", Kinds)}");
            return null;
        }
        // 1. shape
        if (resource.Value["spec"] is not JsonObject spec)
        {
            Error(JsonPointer.Of("spec"), $"{kind} needs a spec mapping");
            return null;
        }
        // 2. binding: every field known and of its type
        Bind(spec, fields, FlinkResource.SpecPointer, Error);
        if (spec["target"] is JsonObject target)
        {
            Bind(target, TargetFields, FlinkResource.SpecPointer.Append("target"), Error);
        }
        // 3. defaults, 4. validation
        var targetName = spec["target"]?["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null;
        if (kind != ValidateKind && string.IsNullOrEmpty(targetName))
        {
            Error(FlinkResource.SpecPointer.Append("target").Append("name"), "spec.target.name is required: the FlinkDeployment, FlinkSessionJob or FlinkCluster to act on");
        }
        if (kind == ValidateKind && spec["disable"] is JsonArray disabled)
        {
            // A misspelt id would leave the rule on while the author believes it off (or, in --only, the reverse).
            for (var i = 0; i < disabled.Count; i++)
            {
                if (disabled[i] is not JsonValue entry || !entry.TryGetValue<string>(out var text) || RuleLookup.Find(text) is null)
                {
                    Error(FlinkResource.SpecPointer.Append("disable").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "spec.disable: " + RuleLookup.Unknown(disabled[i]?.ToString() ?? "null"));
                }
            }
        }
        if (kind == RestoreOperation.Instance.ConfigKind && RestoreSources(spec) != 1)
        {
            Error(FlinkResource.SpecPointer, "a FlinkRestore needs exactly one of spec.fromSnapshot, spec.savepointPath, spec.latest: true and spec.lastState: true");
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (kind == ValidateKind)
        {
            Severity? failOn = ConfigValues.Text(spec, "failOn") switch { "warning" => Severity.Warning, "error" => Severity.Error, _ => null };
            return new ConfigResource(resource, kind, null, failOn, ConfigValues.Texts(spec, "disable").Select(d => RuleLookup.Find(d)!.Id).ToHashSet(StringComparer.Ordinal));
        }
        var operation = OperationCatalog.ByConfigKind(kind)!;
        var ns = ConfigValues.Text(spec["target"]!.AsObject(), "namespace") ?? NullIfEmpty(resource.Namespace);
        var request = operation.Bind(spec, targetName!, ns, new ConfigOrigin(resource.Name, resource.Namespace));
        return new ConfigResource(resource, kind, request, null, new HashSet<string>(StringComparer.Ordinal));
    }

    private static void Bind(JsonObject o, IReadOnlyDictionary<string, ConfigField> fields, JsonPointer at, Action<JsonPointer, string> error)
    {
        foreach (var (key, value) in o)
        {
            var here = at.Append(key);
            if (!fields.TryGetValue(key, out var field))
            {
                var nearest = Suggestions.Nearest(key, fields.Keys);
                error(here, $"unknown field {Dotted(here)}{(nearest is null ? "" : $"; did you mean {nearest}?")} (known: {string.Join(", ", fields.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }
            var kind = value?.GetValueKind();
            var fits = field.Type switch
            {
                "object" => kind == JsonValueKind.Object,
                "array" => kind == JsonValueKind.Array,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                "integer" => kind == JsonValueKind.Number && FlinkResource.IsWhole(value!.AsValue()),
                _ => kind == JsonValueKind.String,
            };
            if (!fits)
            {
                error(here, $"{Dotted(here)} must be a{(field.Type is "object" or "array" or "integer" ? "n" : "")} {field.Type}");
            }
            else if (field.Values is { } values && !values.Contains(value!.ToString()))
            {
                error(here, $"{Dotted(here)} '{value}' is not one of {string.Join(", ", values)}");
            }
        }
    }

    /// <summary>How many restore points a FlinkRestore names: a path, a snapshot, or true for latest or lastState.</summary>
    private static int RestoreSources(JsonObject spec) =>
        (spec["fromSnapshot"] is null ? 0 : 1) + (spec["savepointPath"] is null ? 0 : 1) + (ConfigValues.Flag(spec, "latest") ? 1 : 0) + (ConfigValues.Flag(spec, "lastState") ? 1 : 0);

    private static string Dotted(JsonPointer p) => string.Join('.', p.Segments);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
