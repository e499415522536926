using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// The effective Flink configuration as the operator computes it (ConfigObjectNode.asFlatMap): nested
/// maps flattened with ".", arrays joined with ";", empty arrays absent, scalars as text. Layers apply in
/// order, later ones winning (a session job's own configuration over its session cluster's).
/// </summary>
public sealed class FlinkConfiguration
{
    private readonly Dictionary<string, ConfigEntry> _entries = new(StringComparer.Ordinal);

    public static FlinkConfiguration Empty { get; } = new();

    public IReadOnlyDictionary<string, ConfigEntry> Entries => _entries;

    public static FlinkConfiguration Of(params FlinkResource?[] layers)
    {
        var config = new FlinkConfiguration();
        foreach (var resource in layers)
        {
            if (resource?.Spec?["flinkConfiguration"] is JsonObject flink)
            {
                config.Flatten(flink, "", FlinkResource.SpecPointer.Append("flinkConfiguration"), resource);
            }
        }
        return config;
    }

    /// <summary>The entry for the first key of <paramref name="aliases"/> that is set (primary before deprecated).</summary>
    public ConfigEntry? Get(params string[] aliases)
    {
        foreach (var key in aliases)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                return entry;
            }
        }
        return null;
    }

    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>A set, non-blank value for any of the keys, as the operator's StringUtils.isNullOrWhitespaceOnly check sees it.</summary>
    public ConfigEntry? GetNonBlank(params string[] aliases) =>
        Get(aliases) is { } entry && !string.IsNullOrWhiteSpace(entry.Value) ? entry : null;

    public bool IsTrue(string key) => Get(key) is { } e && string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public bool IsFalse(string key) => Get(key) is { } e && string.Equals(e.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>HA is on unless the type is absent or NONE (Flink's HighAvailabilityMode.isHighAvailabilityModeActivated).</summary>
    public bool HighAvailability =>
        Get(ConfigKeys.HaType) is { } type && !string.IsNullOrWhiteSpace(type.Value) && !string.Equals(type.Value.Trim(), "NONE", StringComparison.OrdinalIgnoreCase);

    private void Flatten(JsonObject node, string prefix, JsonPointer pointer, FlinkResource source)
    {
        foreach (var (key, value) in node)
        {
            var name = prefix.Length == 0 ? key : prefix + "." + key;
            var at = pointer.Append(key);
            switch (value)
            {
                case JsonObject child:
                    Flatten(child, name, at, source);
                    break;
                case JsonArray array when array.Count > 0:
                    _entries[name] = new ConfigEntry(name, string.Join(';', array.Select(Text)), at, source);
                    break;
                case JsonArray:
                    _entries.Remove(name);
                    break;
                case null:
                    break;
                default:
                    _entries[name] = new ConfigEntry(name, Text(value), at, source);
                    break;
            }
        }
    }

    /// <summary>Jackson's asText(): strings as they are, numbers and booleans as written.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        // Integers and booleans as YAML gave them, without starting the JSON serializer (start-up time).
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) && v.ToJsonString().Contains('.', StringComparison.Ordinal) => d.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
