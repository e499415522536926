using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Declarative;

/// <summary>
/// A declarative request (<c>manifestflow.io/v1alpha1</c> FlinkBackup, FlinkRestore, FlinkSuspend,
/// FlinkValidate) read the way kustomize's function framework reads a function config: shape, then
/// binding of every field, then defaults, then validation — and every error is reported at once, each
/// at its own location.
/// </summary>
public sealed record ConfigResource(FlinkResource Source, string Kind, OperationRequest? Operation, Severity FailOn, IReadOnlySet<string> Disabled)
{
    public const string ApiVersion = "manifestflow.io/v1alpha1";
    public const string ErrorId = "MF0401";

    public static readonly string[] Kinds = ["FlinkBackup", "FlinkRestore", "FlinkSuspend", "FlinkValidate"];

    private static readonly Dictionary<string, (string Type, string[]? Values)> Common = new()
    {
        ["target"] = ("object", null),
    };

    private static readonly Dictionary<string, Dictionary<string, (string Type, string[]? Values)>> Fields = new()
    {
        ["FlinkBackup"] = new(Common) { ["method"] = ("string", ["snapshot", "nonce"]), ["snapshotName"] = ("string", null), ["nonce"] = ("integer", null) },
        ["FlinkRestore"] = new(Common)
        {
            ["fromSnapshot"] = ("string", null),
            ["savepointPath"] = ("string", null),
            ["allowNonRestoredState"] = ("boolean", null),
            ["recreate"] = ("boolean", null),
            ["restartFromSavepoint"] = ("boolean", null),
            ["paimonTables"] = ("array", null),
        },
        ["FlinkSuspend"] = new(Common),
        ["FlinkValidate"] = new() { ["failOn"] = ("string", ["error", "warning"]), ["disable"] = ("array", null) },
    };

    private static readonly Dictionary<string, (string Type, string[]? Values)> TargetFields = new()
    {
        ["kind"] = ("string", ["FlinkDeployment", "FlinkSessionJob", "FlinkCluster"]),
        ["name"] = ("string", null),
        ["namespace"] = ("string", null),
    };

    /// <summary>The spec fields a kind accepts (the JSON Schema in schemas/ must list the same).</summary>
    public static IEnumerable<string> SpecFields(string kind) => Fields[kind].Keys;

    public static IEnumerable<string> TargetFieldNames => TargetFields.Keys;

    public static bool IsConfig(FlinkResource resource) =>
        resource.Ref.ApiVersion == ApiVersion && Kinds.Contains(resource.Ref.Kind);

    public static bool IsConfigGroup(FlinkResource resource) =>
        resource.Ref.ApiVersion?.StartsWith("manifestflow.io/", StringComparison.Ordinal) == true;

    /// <summary>Reads a config resource; returns null and the errors when it cannot be used.</summary>
    public static ConfigResource? Read(FlinkResource resource, DateTimeOffset now, List<Diagnostic> errors)
    {
        var before = errors.Count;
        void Error(JsonPointer at, string message) => errors.Add(Catalog.Refusal(resource.Document.LocationOf(at), message, resource.Ref) with { RuleId = ErrorId });
        var kind = resource.Ref.Kind ?? "";
        if (resource.Ref.ApiVersion != ApiVersion || !Kinds.Contains(kind))
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
        Bind(spec, Fields[kind], FlinkResource.SpecPointer, Error);
        if (spec["target"] is JsonObject target)
        {
            Bind(target, TargetFields, FlinkResource.SpecPointer.Append("target"), Error);
        }
        // 3. defaults, 4. validation
        var targetName = spec["target"]?["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null;
        if (kind != "FlinkValidate" && string.IsNullOrEmpty(targetName))
        {
            Error(FlinkResource.SpecPointer.Append("target").Append("name"), "spec.target.name is required: the FlinkDeployment, FlinkSessionJob or FlinkCluster to act on");
        }
        if (kind == "FlinkRestore" && (spec["fromSnapshot"] is null) == (spec["savepointPath"] is null))
        {
            Error(FlinkResource.SpecPointer, "a FlinkRestore needs exactly one of spec.fromSnapshot and spec.savepointPath");
        }
        if (errors.Count > before)
        {
            return null;
        }
        var failOn = Text(spec, "failOn") == "warning" ? Severity.Warning : Severity.Error;
        var disabled = (spec["disable"] as JsonArray)?.Select(x => x?.ToString() ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
        if (kind == "FlinkValidate")
        {
            return new ConfigResource(resource, kind, null, failOn, disabled);
        }
        var operation = kind switch { "FlinkBackup" => "backup", "FlinkRestore" => "restore", _ => "suspend" };
        var request = new OperationRequest(operation, targetName!, Text(spec["target"]!.AsObject(), "namespace") ?? NullIfEmpty(resource.Namespace))
        {
            Method = Text(spec, "method"),
            SnapshotName = Text(spec, "snapshotName"),
            Nonce = spec["nonce"] is JsonValue nonce && nonce.TryGetValue<long>(out var l) ? l : null,
            Snapshot = Text(spec, "fromSnapshot"),
            SavepointPath = Text(spec, "savepointPath"),
            AllowNonRestoredState = Flag(spec, "allowNonRestoredState"),
            Recreate = Flag(spec, "recreate"),
            RestartFromSavepoint = Flag(spec, "restartFromSavepoint"),
            PaimonTables = (spec["paimonTables"] as JsonArray)?.Select(x => x?.ToString() ?? "").ToList() ?? [],
            Now = now,
        };
        return new ConfigResource(resource, kind, request, failOn, disabled);
    }

    private static void Bind(JsonObject o, Dictionary<string, (string Type, string[]? Values)> fields, JsonPointer at, Action<JsonPointer, string> error)
    {
        foreach (var (key, value) in o)
        {
            var here = at.Append(key);
            if (!fields.TryGetValue(key, out var field))
            {
                var nearest = FieldSchema.Nearest(key, fields.Keys);
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

    private static string Dotted(JsonPointer p) => string.Join('.', p.Segments);

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Flag(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
