using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Output;

/// <summary>Renders findings for terminals and pre-commit (text), scripts (json), code scanning (SARIF 2.1.0) and GitHub Actions annotations.</summary>
public static class DiagnosticRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="toolVersion">The tool's version, for SARIF's tool.driver.version (the core knows no build metadata).</param>
    public static string Render(ValidationReport report, DiagnosticFormat format, string baseDirectory, string toolVersion) => format switch
    {
        DiagnosticFormat.Json => Json(report),
        DiagnosticFormat.Sarif => Sarif(report, baseDirectory, toolVersion),
        DiagnosticFormat.Github => Github(report, baseDirectory),
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
            ["summary"] = new JsonObject { ["files"] = report.Files, ["resources"] = report.Resources, ["errors"] = report.Errors, ["warnings"] = report.Warnings },
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

    public static string Sarif(ValidationReport report, string baseDirectory, string toolVersion)
    {
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var results = new JsonArray();
        foreach (var d in report.Diagnostics)
        {
            var result = new JsonObject
            {
                ["ruleId"] = d.RuleId,
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = Redaction.Text(d.Message) },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(d.File, baseDirectory) },
                        ["region"] = new JsonObject { ["startLine"] = Math.Max(1, d.Line), ["startColumn"] = Math.Max(1, d.Column) },
                    },
                    ["logicalLocations"] = d.Resource is null ? null : new JsonArray(new JsonObject
                    {
                        ["fullyQualifiedName"] = $"{d.Resource}{d.Pointer}",
                        ["kind"] = "resource",
                    }),
                }),
            };
            if (index.TryGetValue(d.RuleId, out var i))
            {
                result["ruleIndex"] = i;
            }
            results.Add((JsonNode)result);
        }
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "ManifestFlow",
                        ["version"] = toolVersion,
                        ["rules"] = new JsonArray(rules.Select(SarifRule).ToArray<JsonNode?>()),
                    },
                },
                ["results"] = results,
            }),
        };
        return sarif.ToJsonString(Indented) + "\n";
    }

    /// <summary>GitHub Actions workflow commands: each finding becomes an annotation on the pull request.</summary>
    public static string Github(ValidationReport report, string baseDirectory)
    {
        var b = new StringBuilder();
        foreach (var d in report.Diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            b.Append("::").Append(command)
                .Append(" file=").Append(Property(RelativeUri(d.File, baseDirectory)))
                .Append(",line=").Append(Math.Max(1, d.Line))
                .Append(",col=").Append(Math.Max(1, d.Column))
                .Append(",title=").Append(Property(d.RuleId + (d.Resource is null ? "" : $" {d.Resource}")))
                .Append("::").Append(Data(Redaction.Text(d.Message))).Append('\n');
        }
        return b.ToString();
    }

    private static JsonObject SarifRule(Rule rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Summary },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Summary + (rule.OperatorMessage is null ? "" : $" The operator says: \"{rule.OperatorMessage}\"") },
        ["help"] = new JsonObject
        {
            ["text"] = rule.Help,
            ["markdown"] = $"{rule.Help}\n\n{RuleExamples.Markdown(rule)}",
        },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
        ["properties"] = new JsonObject { ["category"] = rule.Category },
    };

    private static string Level(Severity severity) => severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    private static string RelativeUri(string file, string baseDirectory)
    {
        if (file is "-" or "<stdin>")
        {
            return file;
        }
        var relative = Path.GetRelativePath(baseDirectory, Path.GetFullPath(file, baseDirectory));
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>GitHub's workflow-command escaping (%, CR, LF), then every other control or bidi character made visible.</summary>
    private static string Data(string s) => TerminalText.Escape(s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    private static string Property(string s) => Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
