using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning: paths relative to the repository root (<c>uriBaseId</c> SRCROOT), every
/// rule with its <c>helpUri</c> in docs/rules.md, findings an annotation suppresses kept as results with a
/// <c>suppressions</c> entry and its reason, and rules the run turned off as configuration overrides
/// (SARIF §3.20.5: a disabled rule produces no results, so there is nothing to suppress).
/// </summary>
public static class SarifRenderer
{
    /// <summary>The uriBaseId every repository path is relative to.</summary>
    public const string SourceRoot = "SRCROOT";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="paths">The artifact URIs are relative to its root (the repository root).</param>
    public static string Render(ValidationReport report, ReportPaths paths, string toolVersion)
    {
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var findings = report.Diagnostics.Select(d => (Finding: d, Suppression: (SuppressedFinding?)null))
            .Concat(report.Suppressed.Select(s => (s.Finding, (SuppressedFinding?)s)))
            .ToList();
        findings.Sort((a, b) => Diagnostic.Compare(a.Finding, b.Finding));
        var results = new JsonArray();
        foreach (var (d, suppression) in findings)
        {
            var result = new JsonObject
            {
                ["ruleId"] = d.RuleId,
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = Redaction.Text(d.Message) },
                ["locations"] = new JsonArray(Location(d.File, d.Line, d.Column, d.Resource is null ? null : $"{d.Resource}{d.Pointer}", paths)),
            };
            if (index.TryGetValue(d.RuleId, out var i))
            {
                result["ruleIndex"] = i;
            }
            if (suppression is not null)
            {
                var entry = new JsonObject
                {
                    ["kind"] = "inSource",
                    ["status"] = "accepted",
                    ["justification"] = Redaction.Text(suppression.Reason),
                };
                var annotation = suppression.Annotation;
                entry["location"] = Location(annotation.File, annotation.Line, annotation.Column, null, paths);
                result["suppressions"] = new JsonArray(entry);
            }
            results.Add((JsonNode)result);
        }
        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "ManifestFlow",
                    ["version"] = toolVersion,
                    ["informationUri"] = ProjectLinks.Home,
                    ["rules"] = new JsonArray(rules.Select(Rule).ToArray<JsonNode?>()),
                },
            },
            ["invocations"] = new JsonArray(Invocation(report, index)),
            ["originalUriBaseIds"] = new JsonObject
            {
                [SourceRoot] = new JsonObject
                {
                    ["uri"] = DirectoryUri(paths.Root),
                    ["description"] = new JsonObject { ["text"] = "The repository root." },
                },
            },
            ["results"] = results,
            ["columnKind"] = "utf16CodeUnits",
        };
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return sarif.ToJsonString(Indented) + "\n";
    }

    /// <summary>The run itself; the rules it turned off are overrides with enabled: false.</summary>
    private static JsonObject Invocation(ValidationReport report, Dictionary<string, int> index)
    {
        var invocation = new JsonObject { ["executionSuccessful"] = true };
        var off = report.RulesOff.Where(index.ContainsKey).Order(StringComparer.Ordinal).ToList();
        if (off.Count > 0)
        {
            invocation["ruleConfigurationOverrides"] = new JsonArray(off.Select(id => (JsonNode)new JsonObject
            {
                ["descriptor"] = new JsonObject { ["id"] = id, ["index"] = index[id] },
                ["configuration"] = new JsonObject { ["enabled"] = false },
            }).ToArray());
        }
        return invocation;
    }

    /// <summary>
    /// A file in the repository by its relative URI; one outside it by its absolute file URI; standard
    /// input has no artifact at all, only the resource it names.
    /// </summary>
    private static JsonObject Location(string file, int line, int column, string? logicalName, ReportPaths paths)
    {
        var location = new JsonObject();
        if (ArtifactLocation(file, paths) is { } artifact)
        {
            var physical = new JsonObject { ["artifactLocation"] = artifact };
            if (line > 0)
            {
                physical["region"] = new JsonObject { ["startLine"] = line, ["startColumn"] = Math.Max(1, column) };
            }
            location["physicalLocation"] = physical;
        }
        if (logicalName is not null)
        {
            location["logicalLocations"] = new JsonArray(new JsonObject { ["fullyQualifiedName"] = logicalName, ["kind"] = "resource" });
        }
        return location;
    }

    private static JsonObject? ArtifactLocation(string file, ReportPaths paths)
    {
        if (!ReportPaths.IsFile(file))
        {
            return null;
        }
        return paths.FromRoot(file) is { } relative
            ? new JsonObject { ["uri"] = RelativeUri(relative), ["uriBaseId"] = SourceRoot }
            : new JsonObject { ["uri"] = new Uri(paths.FullPath(file)).AbsoluteUri };
    }

    /// <summary>Each segment percent-encoded, so a space, '#' or '%' in a file name stays part of the path.</summary>
    public static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));

    private static string DirectoryUri(string directory)
    {
        var uri = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static JsonObject Rule(Rule rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Summary },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Summary + (rule.OperatorMessage is null ? "" : $" The operator says: \"{rule.OperatorMessage}\"") },
        ["helpUri"] = ProjectLinks.RuleHelp(rule.Id),
        ["help"] = new JsonObject
        {
            ["text"] = rule.Help,
            ["markdown"] = $"{rule.Help}\n\n{RuleExamples.Markdown(rule)}",
        },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
        ["properties"] = new JsonObject { ["category"] = rule.Category },
    };

    public static string Level(Severity severity) => severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
}
