using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Review;

/// <summary>Renders a review: Markdown and text through Scriban templates (overridable), JSON directly.</summary>
public static class ReviewRenderer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every value is redacted (<see cref="Redaction"/>); Markdown then escapes it for a pull-request comment, text drops control characters.</summary>
    public static ReviewTemplate.Result Render(IReadOnlyList<JobReview> jobs, string format, string template, string templateName) =>
        ReviewTemplate.Render(template, templateName, format == "markdown"
            ? ReviewModel.Build(jobs, s => MarkdownEncoder.Escape(Redaction.Text(s)), s => MarkdownEncoder.Code(Redaction.Text(s)))
            : ReviewModel.Build(jobs, s => PlainEncoder.Clean(Redaction.Text(s))));

    public static string RenderJson(IReadOnlyList<JobReview> jobs)
    {
        var o = new JsonObject
        {
            ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject
            {
                ["kind"] = j.Kind,
                ["namespace"] = j.Namespace,
                ["name"] = j.Name,
                ["file"] = Redaction.Text(j.File),
                ["status"] = j.Status,
                ["classification"] = new JsonArray(j.Classification.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
                ["savepoint"] = j.Savepoint is null ? null : Redaction.Text(j.Savepoint),
                ["risks"] = new JsonArray(j.Risks.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id,
                    ["severity"] = r.Severity.ToString().ToLowerInvariant(),
                    ["message"] = Redaction.Text(r.Message),
                    ["location"] = r.Location is null ? null : Redaction.Text(r.Location),
                }).ToArray()),
                ["fields"] = new JsonArray(j.Fields.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["before"] = f.BeforeValue?.DeepClone(), ["after"] = f.AfterValue?.DeepClone() }).ToArray()),
            }).ToArray()),
            ["summary"] = Summary(jobs),
        };
        return o.ToJsonString(Json).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Summary(IReadOnlyList<JobReview> jobs) => new()
    {
        ["jobs"] = jobs.Count,
        ["errors"] = jobs.Sum(j => j.Risks.Count(r => r.Severity == Severity.Error)),
        ["warnings"] = jobs.Sum(j => j.Risks.Count(r => r.Severity == Severity.Warning)),
    };
}
