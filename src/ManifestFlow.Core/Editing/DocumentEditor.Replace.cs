using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

public sealed partial class DocumentEditor
{
    /// <summary>Re-emits one node: a scalar keeps its quoting style where the new value allows it.</summary>
    private void Replace(YNode node, JsonNode? target, JsonPointer pointer)
    {
        GuardAnchors(node, pointer);
        var parent = node.Parent;
        var inFlow = parent is YMapping { IsFlow: true } or YSequence { IsFlow: true };
        if (inFlow || node is YMapping { IsFlow: true } or YSequence { IsFlow: true })
        {
            var text = ScalarEmitter.IsScalar(target) && node is YScalar s
                ? ScalarEmitter.Emit(target, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? s.Style : ScalarStyle.Plain, inFlow, _emit.Style.Json)
                : _emit.Flow(target);
            Splice(node.Start, node.End, AnchorPrefix(node) + text);
            return;
        }
        if (node is YScalar { IsBlock: true } block && ScalarEmitter.IsScalar(target))
        {
            ReplaceBlockScalar(block, target);
            return;
        }
        if (node is YScalar scalar && ScalarEmitter.IsScalar(target))
        {
            var text = ScalarEmitter.Emit(target, scalar.Style, inFlow: false, _emit.Style.Json);
            if (text.Contains('\n', StringComparison.Ordinal))
            {
                text = ScalarEmitter.DoubleQuoted(target!.GetValue<string>());
            }
            var start = scalar.Tag is null ? scalar.ValueStart : scalar.Start;
            var separator = start > 0 && _text[start - 1] is ':' or '-' ? " " : ""; // an empty value right after "key:"
            Splice(start, scalar.End, separator + (scalar.Tag is null ? text : AnchorPrefix(node) + text));
            return;
        }
        var keyEntry = parent is YMapping map ? map.Entries.FirstOrDefault(e => ReferenceEquals(e.Value, node)) : null;
        var afterColon = keyEntry is null ? -1 : AfterColon(keyEntry.Key, node);
        var end = TrimmedEnd(node);
        _emit.AllowLiterals = RestOfLineIsBlank(end);
        var emitted = afterColon >= 0 ? _emit.AfterKey(target, Column(keyEntry!.Key.Start)) : _emit.Block(target, Column(node.Start));
        _emit.AllowLiterals = true;
        if (_emit.EndedWithLiteral && end == _text.Length)
        {
            emitted += _emit.Style.LineEnding; // a block scalar's final line break is part of its value
        }
        Splice(afterColon >= 0 ? afterColon : node.Start, end, emitted);
    }

    private bool RestOfLineIsBlank(int index)
    {
        for (var i = index; i < _text.Length && _text[i] != '\n'; i++)
        {
            if (_text[i] is not (' ' or '\t' or '\r'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The end of a node without the line breaks a trailing block scalar includes, so a replacement
    /// leaves the line structure after it (and insertions made there) intact.
    /// </summary>
    private int TrimmedEnd(YNode node)
    {
        var end = node.End;
        while (end > node.Start && _text[end - 1] is '\n' or '\r')
        {
            end--;
        }
        return end;
    }

    private static string AnchorPrefix(YNode node) => node.Anchor is null ? "" : "&" + node.Anchor + " ";

    /// <summary>
    /// The index just past the ':' of <paramref name="key"/> when only whitespace separates it from the
    /// value (so the value can be rewritten from there); -1 when a comment sits in between.
    /// </summary>
    private int AfterColon(YNode key, YNode value)
    {
        var i = key.End;
        while (i < value.Start && _text[i] is ' ' or '\t')
        {
            i++;
        }
        if (i >= _text.Length || _text[i] != ':')
        {
            return -1;
        }
        var afterColon = i + 1;
        for (var j = afterColon; j < value.Start; j++)
        {
            if (_text[j] is not (' ' or '\t' or '\r' or '\n'))
            {
                return -1;
            }
        }
        return afterColon;
    }

    /// <summary>
    /// A literal or folded scalar stays a block scalar at its own indentation when the new string can be
    /// one; the blank lines that trail it (which its span includes) are kept.
    /// </summary>
    private void ReplaceBlockScalar(YScalar block, JsonNode? target)
    {
        var contentEnd = block.End;
        while (contentEnd > block.ValueStart && _text[contentEnd - 1] is '\n' or '\r')
        {
            contentEnd--;
        }
        var lineBreakEnd = contentEnd;
        if (lineBreakEnd < _text.Length && _text[lineBreakEnd] == '\r')
        {
            lineBreakEnd++;
        }
        if (lineBreakEnd < _text.Length && _text[lineBreakEnd] == '\n')
        {
            lineBreakEnd++;
        }
        var indent = BlockIndent(block);
        string text;
        if (target is JsonValue v && v.TryGetValue<string>(out var s) &&
            _emit.Literal(s, indent, singleLine: true, folded: block.Style == ScalarStyle.Folded) is { } literal)
        {
            text = literal;
        }
        else
        {
            text = ScalarEmitter.Emit(target, ScalarStyle.DoubleQuoted, inFlow: false, _emit.Style.Json);
        }
        var ending = lineBreakEnd > contentEnd ? _emit.Style.LineEnding : "";
        Splice(block.ValueStart, lineBreakEnd, text + ending);
    }

    /// <summary>The indentation of a block scalar's first content line, or its parent's plus one step.</summary>
    private int BlockIndent(YScalar block)
    {
        var lineStart = _file.NextLineStart(block.ValueStart);
        for (var i = lineStart; i < block.End; i = _file.NextLineStart(i))
        {
            var indent = _file.IndentOf(i);
            if (i + indent < _text.Length && _text[i + indent] is not ('\n' or '\r'))
            {
                return indent;
            }
            if (_file.NextLineStart(i) <= i)
            {
                break;
            }
        }
        var owner = block.Parent is YMapping map ? map.Entries.First(e => ReferenceEquals(e.Value, block)).Key : block;
        return Column(owner.Start) + _emit.Style.MapIndent;
    }
}
