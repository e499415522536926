using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// Turns "this document's value must become <c>target</c>" into the smallest text splices on the
/// original YAML: changed scalars rewrite their span, new keys and items become lines at their
/// siblings' indentation, removed ones delete their lines, and only a node whose shape changes is
/// re-emitted. Walks the old value, the new value and the node tree together, so any patch (or any
/// other transformation) is expressed by what it changed, not by how it was phrased.
/// </summary>
public sealed partial class DocumentEditor
{
    private readonly SourceDocument _document;
    private readonly SourceFile _file;
    private readonly string _text;
    private readonly YamlEmitter _emit;
    private readonly List<TextSplice> _splices = [];

    /// <summary>Flow collections that already received an insertion, so the next one needs a comma.</summary>
    private readonly HashSet<YNode> _flowInsertions = new(ReferenceEqualityComparer.Instance);

    private DocumentEditor(SourceDocument document)
    {
        _document = document;
        _file = document.File;
        _text = document.File.Text;
        _emit = new YamlEmitter(DocumentStyle.Of(document));
    }

    public sealed record Result(IReadOnlyList<TextSplice> Splices, Diagnostic? Refusal);

    public static Result Edit(SourceDocument document, JsonNode? target)
    {
        if (JsonEquality.DeepEquals(document.Value, target))
        {
            return new Result([], null);
        }
        if (document.Root is null)
        {
            var at = Math.Min(document.Start, document.File.Text.Length);
            return new Result([], Catalog.Refused(document.File.LocationOf(at, ""), "the document is empty; there is nothing to patch"));
        }
        var editor = new DocumentEditor(document);
        try
        {
            editor.Reconcile(document.Root, document.Value, target, JsonPointer.Root);
            return new Result(editor._splices, null);
        }
        catch (RefusalException e)
        {
            return new Result([], e.Diagnostic);
        }
    }

    private void Reconcile(YNode node, JsonNode? old, JsonNode? target, JsonPointer pointer)
    {
        if (JsonEquality.DeepEquals(old, target))
        {
            return;
        }
        switch (node, old, target)
        {
            case (YMapping m, JsonObject o, JsonObject t):
                ReconcileMapping(m, o, t, pointer);
                break;
            case (YSequence s, JsonArray o, JsonArray t):
                ReconcileSequence(s, o, t, pointer);
                break;
            default:
                Replace(node, target, pointer);
                break;
        }
    }

    /// <summary>Refuses to change text that an alias elsewhere also stands for.</summary>
    private void GuardAnchors(YNode node, JsonPointer pointer)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (_document.AliasesByTarget.TryGetValue(n, out var aliases))
            {
                var uses = string.Join(", ", aliases.Select(a => $"line {_file.PositionOf(a.Start).Line}"));
                throw Refuse(node.Start, pointer,
                    $"the value lies inside anchor &{n.Anchor}, which alias *{n.Anchor} repeats ({uses}); " +
                    $"edit the anchor on purpose or replace the alias with its own copy first");
            }
        }
    }

    private RefusalException Refuse(int index, JsonPointer pointer, string why) =>
        new(Catalog.Refused(_file.LocationOf(index, pointer.ToString()), why));

    private sealed class RefusalException(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    private void Splice(int start, int end, string text) => _splices.Add(new TextSplice(start, end, text));

    private int Column(int index) => _file.PositionOf(index).Column - 1;

    /// <summary>Where a new line may be inserted after <paramref name="node"/>, and whether a line break must come first (no newline at end of file).</summary>
    private (int Index, bool NeedsBreak) LineEndAfter(YNode node)
    {
        var end = node.End;
        if (end > 0 && _text[end - 1] == '\n')
        {
            return (end, false);
        }
        var next = _file.NextLineStart(end);
        return next == _text.Length && (next == 0 || _text[next - 1] != '\n') ? (next, true) : (next, false);
    }

    private int DeleteLinesEnd(YNode node)
    {
        var (index, _) = LineEndAfter(node);
        return index;
    }
}
