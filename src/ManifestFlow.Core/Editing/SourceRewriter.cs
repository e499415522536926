using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// Rewrites a file so each document reads back as its new value, changing only the text that carries
/// the change. Every result is checked by parsing it again: if the new text does not read back as
/// exactly the intended values, nothing is returned, so a wrong edit can never be written.
/// </summary>
public static class SourceRewriter
{
    /// <param name="Documents">The documents of the new text, as the verification read them (kept so nobody parses it again).</param>
    public sealed record Result(string? Text, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<SourceDocument>? Documents = null)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    /// <param name="targets">The new value of each document, in order; the document's own value leaves it untouched.</param>
    public static Result Rewrite(SourceFile file, IReadOnlyList<SourceDocument> documents, IReadOnlyList<JsonNode?> targets, ReadLimits limits)
    {
        var splices = new List<TextSplice>();
        var errors = new List<Diagnostic>();
        for (var i = 0; i < documents.Count; i++)
        {
            var edit = DocumentEditor.Edit(documents[i], targets[i]);
            if (edit.Refusal is not null)
            {
                errors.Add(edit.Refusal);
            }
            splices.AddRange(edit.Splices);
        }
        if (errors.Count > 0)
        {
            return new Result(null, errors);
        }
        if (splices.Count == 0)
        {
            return new Result(file.Text, [], documents);
        }
        var text = TextSplice.ApplyAll(file.Text, splices);
        var check = Verify(file, text, documents, targets, limits, out var reread);
        return check is null ? new Result(text, [], reread) : new Result(null, [check]);
    }

    private static Diagnostic? Verify(SourceFile file, string text, IReadOnlyList<SourceDocument> documents, IReadOnlyList<JsonNode?> targets, ReadLimits limits, out IReadOnlyList<SourceDocument> docs)
    {
        var reread = YamlStreamReader.Read(new SourceFile(file.Path, text, file.HasBom), limits);
        docs = reread.Documents;
        if (!reread.Succeeded || docs.Count != documents.Count)
        {
            var why = reread.Succeeded ? $"{docs.Count} documents instead of {documents.Count}" : reread.Errors[0].Message;
            return Catalog.Refused(file.LocationOf(documents.Count > 0 ? documents[0].Start : 0, ""), $"the edited text would not read back correctly ({why}); nothing was written");
        }
        for (var i = 0; i < docs.Count; i++)
        {
            if (!JsonEquality.DeepEquals(docs[i].Value, targets[i]))
            {
                return Catalog.Refused(file.LocationOf(documents[i].Root?.Start ?? documents[i].Start, ""),
                    $"document {i + 1}: the edited text would not read back as the patched value (merge keys or anchors in the way?); nothing was written");
            }
        }
        return null;
    }
}
