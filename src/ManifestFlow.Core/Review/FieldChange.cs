using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Review;

/// <summary>
/// One leaf value that differs between base and head (values already redacted where secret): as text for
/// people, and as typed JSON (a boolean stays <c>true</c>, a number <c>5</c>) for the JSON report.
/// </summary>
public sealed record FieldChange(string Path, string? Before, string? After)
{
    public JsonNode? BeforeValue { get; init; }

    public JsonNode? AfterValue { get; init; }
}
