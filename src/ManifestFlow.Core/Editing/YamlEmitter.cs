using System.Text;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// Writes new values in the document's own style. Block text is returned without indentation on its
/// first line (the caller places it) and with <c>column</c> spaces before every later line.
/// </summary>
public sealed class YamlEmitter(DocumentStyle style)
{
    public DocumentStyle Style { get; } = style;

    /// <summary>
    /// Whether multi-line strings may be written as literal block scalars. Off where text follows the
    /// insertion point on its line (a trailing comment would become part of the block).
    /// </summary>
    public bool AllowLiterals { get; set; } = true;

    /// <summary>True when the last text emitted ended inside a block scalar, which needs a line break after it.</summary>
    public bool EndedWithLiteral { get; private set; }

    /// <summary>A value in block context whose first line starts at <paramref name="column"/>.</summary>
    public string Block(JsonNode? value, int column)
    {
        EndedWithLiteral = false;
        var b = new StringBuilder();
        WriteBlock(b, value, column);
        return b.ToString();
    }

    /// <summary>One mapping entry ("key: value", possibly over several lines) starting at <paramref name="column"/>.</summary>
    public string Entry(string key, JsonNode? value, int column)
    {
        EndedWithLiteral = false;
        var b = new StringBuilder();
        WriteEntry(b, key, value, column);
        return b.ToString();
    }

    /// <summary>One sequence item ("- value") whose dash is at <paramref name="column"/>.</summary>
    public string Item(JsonNode? value, int column)
    {
        EndedWithLiteral = false;
        var b = new StringBuilder("- ");
        WriteBlock(b, value, column + 2);
        return b.ToString();
    }

    /// <summary>The text after "key:" for a value: " scalar", " |" plus lines, or a line break and a nested block.</summary>
    public string AfterKey(JsonNode? value, int keyColumn)
    {
        EndedWithLiteral = false;
        var b = new StringBuilder();
        WriteAfterKey(b, value, keyColumn);
        return b.ToString();
    }

    public string Flow(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o:
                return "{" + string.Join(", ", o.Select(p => Key(p.Key, inFlow: true) + ": " + Flow(p.Value))) + "}";
            case JsonArray a:
                return "[" + string.Join(", ", a.Select(Flow)) + "]";
            default:
                return ScalarEmitter.Emit(value, inFlow: true, json: Style.Json);
        }
    }

    public string Key(string name, bool inFlow = false) =>
        ScalarEmitter.EmitString(name, ScalarStyle.Plain, inFlow, Style.Json);

    /// <summary>
    /// A block scalar ("|", "|-", or "&gt;-" for one folded line) and its lines indented by
    /// <paramref name="indent"/>, or null when the string cannot be written that way exactly.
    /// Multi-line text is always literal: folding rules would change it.
    /// </summary>
    public string? Literal(string s, int indent, bool singleLine = false, bool folded = false)
    {
        if (!AllowLiterals)
        {
            return null;
        }
        var multiLine = s.Contains('\n', StringComparison.Ordinal);
        if (!multiLine && !singleLine)
        {
            return null;
        }
        var trailing = s.Length - s.TrimEnd('\n').Length;
        if (trailing > 1 || s.Length == 0 || s[0] == ' ' || s[0] == '\n')
        {
            return null;
        }
        var body = trailing == 1 ? s[..^1] : s;
        var lines = body.Split('\n');
        foreach (var line in lines)
        {
            if (line.Any(c => (c < 0x20 && c != '\t') || c is '\u007F' or '\uFEFF' or '\u0085' or '\u2028' or '\u2029') || (line.Length > 0 && line.Trim().Length == 0))
            {
                return null;
            }
        }
        var b = new StringBuilder(folded && !multiLine ? ">" : "|").Append(trailing == 1 ? "" : "-");
        foreach (var line in lines)
        {
            b.Append(Style.LineEnding);
            if (line.Length > 0)
            {
                b.Append(' ', indent).Append(line);
            }
        }
        return b.ToString();
    }

    private void WriteBlock(StringBuilder b, JsonNode? value, int column)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } o:
                var first = true;
                foreach (var (key, child) in o)
                {
                    if (!first)
                    {
                        b.Append(Style.LineEnding).Append(' ', column);
                    }
                    first = false;
                    WriteEntry(b, key, child, column);
                }
                break;
            case JsonArray { Count: > 0 } a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        b.Append(Style.LineEnding).Append(' ', column);
                    }
                    b.Append("- ");
                    WriteBlock(b, a[i], column + 2);
                }
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && Literal(s, column) is { } literal:
                b.Append(literal);
                EndedWithLiteral = true;
                break;
            default:
                b.Append(value is JsonValue or null ? ScalarEmitter.Emit(value, json: Style.Json) : Flow(value));
                EndedWithLiteral = false;
                break;
        }
    }

    private void WriteEntry(StringBuilder b, string key, JsonNode? value, int column)
    {
        b.Append(Key(key)).Append(':');
        WriteAfterKey(b, value, column);
    }

    private void WriteAfterKey(StringBuilder b, JsonNode? value, int keyColumn)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 }:
                b.Append(Style.LineEnding).Append(' ', keyColumn + Style.MapIndent);
                WriteBlock(b, value, keyColumn + Style.MapIndent);
                break;
            case JsonArray { Count: > 0 }:
                b.Append(Style.LineEnding).Append(' ', keyColumn + Style.SequenceIndent);
                WriteBlock(b, value, keyColumn + Style.SequenceIndent);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && Literal(s, keyColumn + Style.MapIndent) is { } literal:
                b.Append(' ').Append(literal);
                EndedWithLiteral = true;
                break;
            default:
                b.Append(' ').Append(value is JsonValue or null ? ScalarEmitter.Emit(value, json: Style.Json) : Flow(value));
                EndedWithLiteral = false;
                break;
        }
    }
}
