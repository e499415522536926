using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Output;

/// <summary>Renders findings for terminals and pre-commit (text), scripts (json), code scanning (SARIF 2.1.0), GitHub Actions annotations and CI test reports (JUnit XML).</summary>
public static class DiagnosticRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="paths">The working directory and the repository root: SARIF, GitHub and JUnit paths are relative to the root.</param>
    /// <param name="toolVersion">The tool's version, for SARIF's tool.driver.version (the core knows no build metadata).</param>
    public static string Render(ValidationReport report, DiagnosticFormat format, ReportPaths paths, string toolVersion) => format switch
    {
        DiagnosticFormat.Json => Json(report),
        DiagnosticFormat.Sarif => SarifRenderer.Render(report, paths, toolVersion),
        DiagnosticFormat.Junit => JunitRenderer.Render(report, paths),
        DiagnosticFormat.Github => Github(report, paths),
        _ => Text(report),
    };

    public static string Text(ValidationReport report)
    {
        var b = new StringBuilder();
        foreach (var d in report.Diagnostics)
        {
            b.Append(d).Append('\n');
        }
        return b.ToString();
    }

    /// <summary>Exactly the shape of PRODUCT.md's command-line contract.</summary>
    public static string Json(ValidationReport report)
    {
        var diagnostics = new JsonArray();
        foreach (var d in report.Diagnostics)
        {
            // As JsonNode: Add<T> of a concrete node type goes through JsonValue.Create, which needs reflection (no AOT).
            diagnostics.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = d.RuleId,
                ["severity"] = d.Severity.ToString().ToLowerInvariant(),
                ["message"] = Redaction.Text(d.Message),
                ["file"] = d.File,
                ["line"] = d.Line,
                ["column"] = d.Column,
                ["pointer"] = d.Pointer ?? "",
                ["resource"] = d.Resource is null ? null : new JsonObject
                {
                    ["apiVersion"] = d.Resource.ApiVersion,
                    ["kind"] = d.Resource.Kind,
                    ["namespace"] = d.Resource.Namespace,
                    ["name"] = d.Resource.Name,
                },
            });
        }
        var root = new JsonObject
        {
            ["diagnostics"] = diagnostics,
            ["summary"] = new JsonObject
            {
                ["files"] = report.Files,
                ["resources"] = report.Resources,
                ["errors"] = report.Errors,
                ["warnings"] = report.Warnings,
                ["infos"] = report.Infos,
                ["suppressed"] = report.Suppressed.Count,
            },
        };
        root["summary"]!["skipped"] = new JsonObject
        {
            ["notResources"] = report.Skipped.NotResources,
            ["kinds"] = report.Skipped.Kinds,
            ["helmCharts"] = report.Skipped.HelmCharts,
            ["excluded"] = report.Skipped.Excluded,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>GitHub Actions workflow commands: each finding becomes an annotation on the pull request.</summary>
    public static string Github(ValidationReport report, ReportPaths paths)
    {
        var b = new StringBuilder();
        foreach (var d in report.Diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            b.Append("::").Append(command)
                .Append(" file=").Append(Property(paths.Display(d.File)))
                .Append(",line=").Append(Math.Max(1, d.Line))
                .Append(",col=").Append(Math.Max(1, d.Column))
                .Append(",title=").Append(Property(d.RuleId + (d.Resource is null ? "" : $" {d.Resource}")))
                .Append("::").Append(Data(Redaction.Text(d.Message))).Append('\n');
        }
        return b.ToString();
    }

    /// <summary>GitHub's workflow-command escaping (%, CR, LF), then every other control or bidi character made visible.</summary>
    private static string Data(string s) => TerminalText.Escape(s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    private static string Property(string s) => Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
