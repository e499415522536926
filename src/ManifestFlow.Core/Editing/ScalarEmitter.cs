using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// Writes one scalar so that it reads back as exactly the given JSON value, in the requested style
/// where the value allows it: a string that would resolve to a boolean, number or null when plain
/// (<c>"yes"</c>, <c>"8080"</c>) is quoted; a number is never quoted.
/// </summary>
public static class ScalarEmitter
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    public static bool IsScalar(JsonNode? value) => value is null or JsonValue;

    /// <summary>The scalar's text for a flow position (a value on a key's line, a flow collection, a key).</summary>
    public static string Emit(JsonNode? value, ScalarStyle preferred = ScalarStyle.Plain, bool inFlow = false, bool json = false)
    {
        if (value is null)
        {
            return "null";
        }
        var v = value.AsValue();
        switch (v.GetValueKind())
        {
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            case JsonValueKind.Number: return NumberText(v);
            case JsonValueKind.String: return EmitString(v.GetValue<string>(), preferred, inFlow, json);
            default: return v.ToJsonString();
        }
    }

    public static string EmitString(string s, ScalarStyle preferred, bool inFlow, bool json)
    {
        if (json)
        {
            return DoubleQuoted(s);
        }
        if (preferred == ScalarStyle.SingleQuoted && CanSingleQuote(s))
        {
            return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        }
        if (preferred != ScalarStyle.DoubleQuoted && IsPlainSafe(s, inFlow))
        {
            return s;
        }
        return DoubleQuoted(s);
    }

    /// <summary>True when <paramref name="s"/> written plain reads back as the same string.</summary>
    public static bool IsPlainSafe(string s, bool inFlow)
    {
        if (s.Length == 0 || ScalarResolver.KindOfPlain(s) != ScalarResolver.Kind.String || YamlToJsonMergeKey(s))
        {
            return false;
        }
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s.StartsWith("---", StringComparison.Ordinal) || s.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }
        var first = s[0];
        if (Indicators.Contains(first, StringComparison.Ordinal) && !(first is '-' or '?' or ':' && s.Length > 1 && !char.IsWhiteSpace(s[1]) && !(inFlow && s[1] is ',' or '[' or ']' or '{' or '}')))
        {
            return false;
        }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x20 || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || (c >= 0x80 && c <= 0x9F))
            {
                return false;
            }
            if (c == ':' && (i + 1 == s.Length || s[i + 1] == ' ' || (inFlow && s[i + 1] is ',' or '[' or ']' or '{' or '}')))
            {
                return false;
            }
            if (c == '#' && s[i - 1] == ' ')
            {
                return false;
            }
            if (inFlow && c is ',' or '[' or ']' or '{' or '}')
            {
                return false;
            }
        }
        return true;
    }

    private static bool YamlToJsonMergeKey(string s) => s == "<<";

    private static bool CanSingleQuote(string s)
    {
        foreach (var c in s)
        {
            if (c < 0x20 || c is '\u007F' or '\uFEFF' || (c >= 0x80 && c <= 0x9F))
            {
                return false;
            }
        }
        return s.Length == 0 || !(char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]));
    }

    public static string DoubleQuoted(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case '\0': b.Append("\\0"); break;
                default:
                    if (c < 0x20 || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || (c >= 0x80 && c <= 0x9F))
                    {
                        b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    private static string NumberText(JsonValue v)
    {
        var text = v.ToJsonString();
        // YAML 1.1 reads "1E+21" as a float only with a dot or lowercase-compatible form; normalise.
        return text.Replace("E", "e", StringComparison.Ordinal);
    }
}
