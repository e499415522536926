using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HandlebarsDotNet;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Review;

/// <summary>Renders a review: Markdown and text through Handlebars templates (overridable), JSON directly.</summary>
public static class ReviewRenderer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders with a user's template; a template that does not compile or render is their input error, not a crash.</summary>
    public static string? TryRender(IReadOnlyList<JobReview> jobs, string format, string template, out string? error)
    {
        try
        {
            error = null;
            return Render(jobs, format, template);
        }
        catch (Exception e) when (e is HandlebarsException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Handlebars.Net reports some malformed templates ({{#if}} with no argument) with plain
            // framework exceptions; at this call they can only come from the user's template.
            error = e.Message;
            return null;
        }
    }

    public static string Render(IReadOnlyList<JobReview> jobs, string format, string template)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { TextEncoder = format == "markdown" ? new MarkdownEncoder() : new PlainEncoder() });
        return handlebars.Compile(template)(Model(jobs));
    }

    public static string RenderJson(IReadOnlyList<JobReview> jobs)
    {
        var o = new JsonObject
        {
            ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject
            {
                ["kind"] = j.Kind,
                ["namespace"] = j.Namespace,
                ["name"] = j.Name,
                ["file"] = j.File,
                ["status"] = j.Status,
                ["classification"] = new JsonArray(j.Classification.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
                ["savepoint"] = j.Savepoint,
                ["risks"] = new JsonArray(j.Risks.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id,
                    ["severity"] = r.Severity.ToString().ToLowerInvariant(),
                    ["message"] = r.Message,
                    ["location"] = r.Location,
                }).ToArray()),
                ["fields"] = new JsonArray(j.Fields.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["before"] = f.Before, ["after"] = f.After }).ToArray()),
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

    private static Dictionary<string, object?> Model(IReadOnlyList<JobReview> jobs) => new()
    {
        ["jobs"] = jobs.Select(j => new Dictionary<string, object?>
        {
            ["id"] = j.Id,
            ["kind"] = j.Kind,
            ["namespace"] = j.Namespace,
            ["name"] = j.Name,
            ["file"] = j.File,
            ["status"] = j.Status,
            ["classification"] = string.Join(", ", j.Classification),
            ["savepoint"] = j.Savepoint ?? "—",
            ["riskSummary"] = RiskSummary(j),
            ["risks"] = j.Risks.Select(r => new Dictionary<string, object?>
            {
                ["id"] = r.Id,
                ["severity"] = r.Severity.ToString().ToLowerInvariant(),
                ["icon"] = r.Severity switch { Severity.Error => "🛑", Severity.Warning => "⚠️", _ => "ℹ️" },
                ["message"] = r.Message,
                ["location"] = r.Location,
            }).ToList(),
            ["fields"] = j.Fields.Select(f => new Dictionary<string, object?> { ["path"] = f.Path, ["before"] = f.Before ?? "(unset)", ["after"] = f.After ?? "(removed)" }).ToList(),
            ["fieldCount"] = j.Fields.Count,
        }).ToList(),
        ["errors"] = jobs.Sum(j => j.Risks.Count(r => r.Severity == Severity.Error)),
        ["warnings"] = jobs.Sum(j => j.Risks.Count(r => r.Severity == Severity.Warning)),
        ["jobCount"] = jobs.Count,
    };

    private static string RiskSummary(JobReview j)
    {
        var errors = j.Risks.Count(r => r.Severity == Severity.Error);
        var warnings = j.Risks.Count(r => r.Severity == Severity.Warning);
        return errors + warnings == 0 ? "none" : string.Join(", ", new[] { errors > 0 ? $"{errors} error(s)" : null, warnings > 0 ? $"{warnings} warning(s)" : null }.Where(s => s is not null));
    }
}
