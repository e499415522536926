using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Json;

/// <summary>
/// A node's text: a string value as it is, anything else as JsonNode.ToString() gives it. Strings take
/// the direct path: ToString() on some string node kinds starts the JSON writer, which costs
/// milliseconds of start-up the first time in every process.
/// </summary>
public static class JsonText
{
    public static string? AsText(this JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToString();
}
