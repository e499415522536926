using System.Text.Json.Nodes;
using ManifestFlow.Core.Concurrency;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Pipeline;

/// <summary>
/// The inputs of one run, each parsed once and kept: files read from disk or a git tree, or the items
/// of a KRM ResourceList. It also knows how to write changed values back into its own text, so the
/// pipeline edits a file and a ResourceList the same way.
/// </summary>
public sealed class Workspace
{
    private readonly Func<IReadOnlyDictionary<SourceDocument, JsonNode?>, ReadLimits, EditResult> _rewrite;

    private Workspace(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Diagnostic> readErrors, int fileCount,
        Func<IReadOnlyDictionary<SourceDocument, JsonNode?>, ReadLimits, EditResult> rewrite)
    {
        Documents = documents;
        ReadErrors = readErrors;
        FileCount = fileCount;
        _rewrite = rewrite;
    }

    /// <summary>Every document, in input order (empty ones included: they keep the file's shape).</summary>
    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>Input that could not be read; the run reports it and changes nothing.</summary>
    public IReadOnlyList<Diagnostic> ReadErrors { get; }

    public int FileCount { get; }

    /// <summary>Files are parsed in parallel (parsing dominates and files are independent), in input order.</summary>
    /// <param name="keepTrees">
    /// False for a run that only reports (validate, review): documents are kept <see cref="SourceDocument.Detached"/>,
    /// so a large repository costs its values, not its node trees. A run that edits keeps them: it needs them.
    /// </param>
    public static Workspace Read(IReadOnlyList<SourceFile> files, ReadLimits limits, IReadOnlyList<Diagnostic>? earlierErrors = null, bool keepTrees = true)
    {
        var documents = new List<SourceDocument>();
        var errors = new List<Diagnostic>(earlierErrors ?? []);
        var byFile = new Dictionary<SourceFile, IReadOnlyList<SourceDocument>>(ReferenceEqualityComparer.Instance);
        var reads = OrderedParallel.Map(files, file => keepTrees ? YamlStreamReader.Read(file, limits) : Detach(YamlStreamReader.Read(file, limits), limits));
        for (var i = 0; i < files.Count; i++)
        {
            errors.AddRange(reads[i].Errors);
            documents.AddRange(reads[i].Documents);
            byFile[files[i]] = reads[i].Documents;
        }
        return new Workspace(documents, errors, files.Count + (earlierErrors?.Count ?? 0), (changes, l) => RewriteFiles(byFile, changes, l));
    }

    private static YamlStreamReader.Result Detach(YamlStreamReader.Result read, ReadLimits limits) =>
        read with { Documents = [.. read.Documents.Select(d => d.Detached(limits))] };

    /// <summary>The items of a ResourceList (one per item node of <paramref name="list"/>), edited inside the list's own text.</summary>
    public static Workspace OfResourceList(SourceDocument list) =>
        new(ResourceListItems(list), [], 1, (changes, limits) => RewriteList(list, changes, limits));

    /// <summary>Rewrites the changed documents format-preserving; every edit is read back and must equal its value.</summary>
    public EditResult Rewrite(IReadOnlyDictionary<SourceDocument, JsonNode?> changes, ReadLimits limits) => _rewrite(changes, limits);

    /// <summary>A ResourceList's items as documents: their nodes and values inside the list's text.</summary>
    public static List<SourceDocument> ResourceListItems(SourceDocument list)
    {
        var items = new List<SourceDocument>();
        if (list.Root is YMapping root && Member(root, "items") is YSequence sequence && list.Value?["items"] is JsonArray values)
        {
            for (var i = 0; i < values.Count && i < sequence.Items.Count; i++)
            {
                var node = sequence.Items[i];
                items.Add(new SourceDocument(list.File, i, node.Start, node.End, node, values[i]) { AliasesByTarget = list.AliasesByTarget });
            }
        }
        return items;
    }

    public static YNode? Member(YMapping mapping, string name) =>
        mapping.Entries.FirstOrDefault(e => YamlToJson.KeyName(e.Key, out _) == name)?.Value;

    private static EditResult RewriteFiles(Dictionary<SourceFile, IReadOnlyList<SourceDocument>> byFile, IReadOnlyDictionary<SourceDocument, JsonNode?> changes, ReadLimits limits)
    {
        var files = new List<EditedFile>();
        var replaced = new Dictionary<SourceDocument, SourceDocument>(ReferenceEqualityComparer.Instance);
        var errors = new List<Diagnostic>();
        foreach (var group in changes.Keys.GroupBy(d => d.File).OrderBy(g => g.Key.Path, StringComparer.Ordinal))
        {
            var file = group.Key;
            var documents = byFile[file];
            var targets = documents.Select(d => changes.TryGetValue(d, out var value) ? value : d.Value).ToList();
            var rewrite = SourceRewriter.Rewrite(file, documents, targets, limits);
            if (!rewrite.Succeeded)
            {
                errors.AddRange(rewrite.Errors);
                continue;
            }
            files.Add(new EditedFile(file, rewrite.Text!, rewrite.Documents!));
            for (var i = 0; i < documents.Count; i++)
            {
                replaced[documents[i]] = rewrite.Documents![i];
            }
        }
        return new EditResult(files, replaced, errors);
    }

    private static EditResult RewriteList(SourceDocument list, IReadOnlyDictionary<SourceDocument, JsonNode?> changes, ReadLimits limits)
    {
        var items = ResourceListItems(list);
        var target = (JsonObject)list.Value!.DeepClone();
        var values = new JsonArray();
        foreach (var item in items)
        {
            var changed = changes.FirstOrDefault(c => c.Key.Index == item.Index && ReferenceEquals(c.Key.File, item.File));
            values.Add((changed.Key is null ? item.Value : changed.Value)?.DeepClone());
        }
        target["items"] = values;
        var rewrite = SourceRewriter.Rewrite(list.File, [list], [target], limits);
        if (!rewrite.Succeeded)
        {
            return new EditResult([], new Dictionary<SourceDocument, SourceDocument>(), rewrite.Errors);
        }
        var newList = rewrite.Documents![0];
        var newItems = ResourceListItems(newList);
        var replaced = new Dictionary<SourceDocument, SourceDocument>(ReferenceEqualityComparer.Instance);
        foreach (var (changed, _) in changes)
        {
            replaced[changed] = newItems[changed.Index];
        }
        return new EditResult([new EditedFile(list.File, rewrite.Text!, [newList])], replaced, []);
    }
}

/// <summary>A file the run changed: its new text and the documents that text reads as (already verified).</summary>
public sealed record EditedFile(SourceFile Original, string Text, IReadOnlyList<SourceDocument> Documents);

/// <summary>The edited files, each old document's replacement, or why the edit cannot be made.</summary>
public sealed record EditResult(IReadOnlyList<EditedFile> Files, IReadOnlyDictionary<SourceDocument, SourceDocument> Replacements, IReadOnlyList<Diagnostic> Errors);
