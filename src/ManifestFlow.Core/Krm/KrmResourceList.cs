using System.Globalization;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Settings;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Krm;

/// <summary>
/// A KRM function over a ResourceList (kpt, kustomize): items are edited in place inside the list's own
/// text, so comments, order and formatting of every item survive; internal annotations are never
/// touched; results carry severity, resourceRef, field and file (the user's path, from the orchestrator's
/// annotations) — never a line of the ResourceList.
/// </summary>
public static class KrmResourceList
{
    private const string PathAnnotation = "internal.config.kubernetes.io/path";
    private const string LegacyPathAnnotation = "config.kubernetes.io/path";
    private const string IndexAnnotation = "internal.config.kubernetes.io/index";
    private const string LegacyIndexAnnotation = "config.kubernetes.io/index";

    public sealed record Result(string? Output, bool Failed, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<Plan> Plans);

    public static Result Run(SourceFile input, ReadLimits limits, RepositorySettings? settings = null)
    {
        var read = YamlStreamReader.Read(input, limits);
        if (!read.Succeeded)
        {
            return new Result(null, true, read.Errors, []);
        }
        var list = read.Documents.FirstOrDefault(d => !d.IsEmpty);
        if (list?.Value is not JsonObject root || root["kind"]?.AsText() != "ResourceList" || list.Root is not YMapping rootNode)
        {
            return new Result(null, true, [Catalog.Unreadable(input.Path, "stdin is not a KRM ResourceList (kind: ResourceList, apiVersion: config.kubernetes.io/v1)")], []);
        }
        var workspace = Workspace.OfResourceList(list);
        var configs = new List<FlinkResource>();
        if (Workspace.Member(rootNode, "functionConfig") is { } configNode &&
            FlinkResource.From(new SourceDocument(input, -1, configNode.Start, configNode.End, configNode, root["functionConfig"]) { AliasesByTarget = list.AliasesByTarget }) is { } config)
        {
            if (!ConfigResource.IsConfig(config))
            {
                var error = Catalog.Refusal(config.Document.LocationOf(JsonPointer.Of("kind")),
                    $"functionConfig {config.Ref.ApiVersion}/{config.Ref.Kind} is not a ManifestFlow config; pass a {ConfigResource.ApiVersion} FlinkBackup, FlinkRestore, FlinkSuspend or FlinkValidate (Kptfile: configPath)", config.Ref) with
                { RuleId = ConfigResource.ErrorId };
                return Finish(list, root, workspace.Documents, [], [error], [], true, limits);
            }
            configs.Add(config);
        }
        var outcome = Session.Execute(workspace, new Session.Request(RunConfiguration.Default) { ExtraConfigs = configs, Limits = limits, Settings = settings });
        // Render on the edited list (already verified), so the items' edits are not spliced twice.
        var edited = outcome.EditedFiles.Count > 0 ? outcome.EditedFiles[0].Documents[0] : list;
        var newItems = outcome.Values.ToList();
        foreach (var created in outcome.Created)
        {
            var item = (JsonObject)created.Resource.Value.DeepClone();
            var annotations = new JsonObject();
            var path = NewItemPath(created.CreatedFor, created.Resource.FileName);
            annotations[LegacyPathAnnotation] = path;
            annotations[PathAnnotation] = path;
            item["metadata"]!["annotations"] = annotations;
            newItems.Add(item);
        }
        return Finish(edited, (JsonObject)edited.Value!, workspace.Documents, newItems, outcome.Findings, outcome.Plans, outcome.Failed, limits);
    }

    private static Result Finish(SourceDocument list, JsonObject root, IReadOnlyList<SourceDocument> documents, List<JsonNode?> newItems, IReadOnlyList<Diagnostic> findings, IReadOnlyList<Plan> plans, bool failed, ReadLimits limits)
    {
        var target = (JsonObject)root.DeepClone();
        if (newItems.Count > 0 || documents.Count == 0)
        {
            target["items"] = new JsonArray(newItems.Select(i => i?.DeepClone()).ToArray());
        }
        var results = new JsonArray(findings.Select(f => (JsonNode)ResultOf(f, documents)).ToArray());
        if (results.Count > 0 || target.ContainsKey("results"))
        {
            target["results"] = results;
        }
        var rewrite = SourceRewriter.Rewrite(list.File, [list], [target], limits);
        return rewrite.Succeeded ? new Result(rewrite.Text, failed, findings, plans) : new Result(null, true, rewrite.Errors, plans);
    }

    /// <summary>A new resource is written next to its target — but only on a clean relative path inside the package.</summary>
    private static string NewItemPath(FlinkResource target, string fileName)
    {
        var annotations = target.Annotations;
        var targetPath = annotations?[PathAnnotation]?.AsText() ?? annotations?[LegacyPathAnnotation]?.AsText();
        if (targetPath is null || !IsConfined(targetPath))
        {
            return fileName;
        }
        var directory = targetPath.Contains('/', StringComparison.Ordinal) ? targetPath[..targetPath.LastIndexOf('/')] : "";
        return directory.Length == 0 ? fileName : directory + "/" + fileName;
    }

    /// <summary>Relative, no "..", no backslashes or drive letters: a path that cannot leave the package.</summary>
    public static bool IsConfined(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal) &&
        path.Split('/').All(part => part is not (".." or ""));

    private static JsonObject ResultOf(Diagnostic d, IReadOnlyList<SourceDocument> documents)
    {
        var result = new JsonObject
        {
            ["message"] = d.Message,
            ["severity"] = d.Severity.ToString().ToLowerInvariant(),
        };
        if (d.Resource is { } r)
        {
            var reference = new JsonObject { ["apiVersion"] = r.ApiVersion, ["kind"] = r.Kind, ["name"] = r.Name };
            if (!string.IsNullOrEmpty(r.Namespace))
            {
                reference["namespace"] = r.Namespace;
            }
            result["resourceRef"] = reference;
            if (!string.IsNullOrEmpty(d.Pointer) && JsonPointer.TryParse(d.Pointer, out _) is { IsRoot: false } pointer)
            {
                result["field"] = new JsonObject { ["path"] = FieldPath(pointer) };
            }
            var item = documents.FirstOrDefault(doc => doc.Value is JsonObject o && o["kind"]?.AsText() == r.Kind && o["metadata"]?["name"]?.AsText() == r.Name && (o["metadata"]?["namespace"]?.AsText() ?? "") == (r.Namespace ?? ""));
            var annotations = item?.Value?["metadata"]?["annotations"] as JsonObject;
            var path = annotations?[PathAnnotation]?.AsText() ?? annotations?[LegacyPathAnnotation]?.AsText();
            if (path is not null)
            {
                var indexText = annotations![IndexAnnotation]?.AsText() ?? annotations[LegacyIndexAnnotation]?.AsText();
                var index = int.TryParse(indexText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;
                result["file"] = new JsonObject { ["path"] = path, ["index"] = index };
            }
        }
        // No line or column: the finding's position is in the ResourceList the orchestrator serialised, not
        // in the user's file, and a line of one read as a line of the other sends people to the wrong place.
        // file (config.kubernetes.io/path and index) and field.path are what point into the user's file.
        result["tags"] = new JsonObject { ["ruleId"] = d.RuleId };
        return result;
    }

    /// <summary>kyaml's field path style: spec.job.upgradeMode, containers[0], keys with dots in brackets.</summary>
    private static string FieldPath(JsonPointer pointer)
    {
        var b = new System.Text.StringBuilder();
        foreach (var segment in pointer.Segments)
        {
            if (JsonPointer.TryParseIndex(segment, out _) || segment.Contains('.', StringComparison.Ordinal))
            {
                b.Append('[').Append(segment).Append(']');
            }
            else
            {
                b.Append(b.Length == 0 ? "" : ".").Append(segment);
            }
        }
        return b.ToString();
    }
}
