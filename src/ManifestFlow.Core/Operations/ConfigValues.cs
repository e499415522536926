using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Operations;

/// <summary>Typed reads of a config resource's spec fields, after their types were checked.</summary>
public static class ConfigValues
{
    public static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Flag(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static long? Integer(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    public static IReadOnlyList<string> Texts(JsonObject o, string key) =>
        (o[key] as JsonArray)?.Select(x => x?.ToString() ?? "").ToList() ?? [];
}
