using System.Globalization;
using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// Resolves a scalar the way the Kubernetes API server does (sigs.k8s.io/yaml over go-yaml v2, i.e.
/// YAML 1.1): <c>yes</c>/<c>on</c>/<c>y</c> are booleans, <c>0x1F</c> and <c>017</c> are integers,
/// <c>1_000</c> is 1000, and quoted or block scalars are always strings. Checked against
/// <c>kubectl patch --local -o json</c> in the tests.
/// </summary>
public static class ScalarResolver
{
    private static readonly HashSet<string> TrueWords = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> FalseWords = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];
    private static readonly HashSet<string> NullWords = ["", "~", "null", "Null", "NULL"];
    private static readonly HashSet<string> SpecialFloats = [".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"];

    /// <summary>The longest null, boolean or special-float word ("FALSE", "+.inf").</summary>
    private const int MaxKeywordLength = 5;

    public enum Kind
    {
        String,
        Null,
        Bool,
        Integer,
        Float,
        NotJson,
    }

    /// <summary>The type a plain, untagged scalar with this text resolves to.</summary>
    public static Kind KindOfPlain(string text)
    {
        // Most scalars are names and paths: longer than any keyword, not starting like a number.
        if (text.Length > MaxKeywordLength && !(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'))
        {
            return Kind.String;
        }
        if (NullWords.Contains(text)) { return Kind.Null; }
        if (TrueWords.Contains(text) || FalseWords.Contains(text)) { return Kind.Bool; }
        if (SpecialFloats.Contains(text)) { return Kind.NotJson; }
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'))
        {
            return Kind.String;
        }
        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (TryParseGoInt(plain, out _) || TryParseGoUnsigned(plain, out _)) { return Kind.Integer; }
        if (IsYamlFloat(plain))
        {
            // go-yaml v2 keeps a float that overflows float64 (1e400) as a string, and so does kubectl.
            return double.IsFinite(double.Parse(plain, CultureInfo.InvariantCulture)) ? Kind.Float : Kind.String;
        }
        if (TryParseBinary(plain, out _)) { return Kind.Integer; }
        return Kind.String;
    }

    /// <summary>Resolves a scalar to its JSON value; returns false (with a reason) when JSON cannot hold it.</summary>
    public static bool TryResolve(YScalar scalar, out JsonNode? value, out string? error)
    {
        error = null;
        value = null;
        var text = scalar.Value;
        var tag = scalar.Tag;
        if (tag is "tag:yaml.org,2002:binary")
        {
            // go-yaml (kubectl) decodes the base64 to its bytes; refused rather than kept as base64 text.
            error = "a !!binary scalar is not supported (kubectl decodes its base64, ManifestFlow would not); write the decoded text";
            return false;
        }
        if (tag is "tag:yaml.org,2002:str" or "!" || scalar.Style != ScalarStyle.Plain && tag is null)
        {
            value = JsonValue.Create(text);
            return true;
        }
        switch (KindOfPlain(text))
        {
            case Kind.Null:
                return true;
            case Kind.Bool:
                value = JsonValue.Create(TrueWords.Contains(text));
                return true;
            case Kind.Integer:
                value = ParseInteger(text.Replace("_", "", StringComparison.Ordinal));
                return true;
            case Kind.Float:
                value = JsonValue.Create(double.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
                return true;
            case Kind.NotJson:
                error = $"'{text}' is a YAML float that JSON cannot represent; quote it if a string is meant";
                return false;
            default:
                value = JsonValue.Create(text);
                return true;
        }
    }

    /// <summary>How a mapping key becomes a JSON member name (sigs.k8s.io/yaml formats non-string keys).</summary>
    public static string? KeyName(YScalar key, out string? error)
    {
        if (key.Tag is null && (key.Style != ScalarStyle.Plain || KindOfPlain(key.Value) == Kind.String))
        {
            error = null;
            return key.Value; // the usual key: a plain word or a quoted string
        }
        if (!TryResolve(key, out var value, out error))
        {
            return null;
        }
        if (value is null)
        {
            error = "a null mapping key cannot be converted to JSON; quote it or give it a name";
            return null;
        }
        var jsonValue = value.AsValue();
        if (jsonValue.TryGetValue<string>(out var s)) { return s; }
        if (jsonValue.TryGetValue<bool>(out var b)) { return b ? "true" : "false"; }
        if (jsonValue.TryGetValue<long>(out var l)) { return l.ToString(CultureInfo.InvariantCulture); }
        if (jsonValue.TryGetValue<double>(out var d)) { return FormatGoFloat(d); }
        return jsonValue.ToJsonString();
    }

    private static JsonValue ParseInteger(string plain)
    {
        if (TryParseGoInt(plain, out var l) || TryParseBinary(plain, out l))
        {
            return JsonValue.Create(l);
        }
        // Beyond int64 the API server holds the number as a float64.
        return TryParseGoUnsigned(plain, out var u) ? JsonValue.Create((double)u) : JsonValue.Create(plain);
    }

    /// <summary>Go's strconv.ParseInt(s, 0, 64): optional sign, then 0x / 0o / 0b / leading-0 octal or decimal.</summary>
    private static bool TryParseGoInt(string s, out long value)
    {
        value = 0;
        var negative = s.StartsWith('-');
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        if (!TryParseGoUnsignedBody(body, out var magnitude))
        {
            return false;
        }
        if (negative ? magnitude > 9223372036854775808UL : magnitude > long.MaxValue)
        {
            return false;
        }
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static bool TryParseGoUnsigned(string s, out ulong value)
    {
        value = 0;
        return s.Length > 0 && s[0] != '-' && TryParseGoUnsignedBody(s[0] == '+' ? s[1..] : s, out value);
    }

    private static bool TryParseGoUnsignedBody(string body, out ulong value)
    {
        value = 0;
        int radix;
        string digits;
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X') { radix = 16; digits = body[2..]; }
        else if (body.Length > 2 && body[0] == '0' && body[1] is 'o' or 'O') { radix = 8; digits = body[2..]; }
        else if (body.Length > 2 && body[0] == '0' && body[1] is 'b' or 'B') { radix = 2; digits = body[2..]; }
        else if (body.Length > 1 && body[0] == '0') { radix = 8; digits = body[1..]; }
        else { radix = 10; digits = body; }
        if (digits.Length == 0)
        {
            return false;
        }
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }
            var next = unchecked((value * (ulong)radix) + (ulong)digit);
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }
            value = next;
        }
        return true;
    }

    private static bool TryParseBinary(string plain, out long value)
    {
        value = 0;
        var negative = plain.StartsWith("-0b", StringComparison.Ordinal);
        if (!negative && !plain.StartsWith("0b", StringComparison.Ordinal))
        {
            return false;
        }
        var ok = TryParseGoUnsignedBody("0b" + plain[(negative ? 3 : 2)..], out var u) && u <= long.MaxValue;
        value = negative ? -(long)u : (long)u;
        return ok;
    }

    /// <summary>Go's strconv.FormatFloat(f, 'g', -1, 64), used for float mapping keys.</summary>
    internal static string FormatGoFloat(double d)
    {
        var r = d.ToString("E16", CultureInfo.InvariantCulture);
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var exponent = int.Parse(r[(r.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= 21)
        {
            var mantissa = (d / Math.Pow(10, exponent)).ToString("R", CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        return shortest.Contains('E', StringComparison.Ordinal) ? d.ToString("F0", CultureInfo.InvariantCulture) : shortest;
    }

    /// <summary>
    /// go-yaml v2's float form <c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, by hand: every
    /// file reads scalars, and the first use of a generated Regex costs milliseconds of start-up.
    /// </summary>
    internal static bool IsYamlFloat(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!SkipDigits(s, ref i))
            {
                return false;
            }
        }
        else
        {
            if (!SkipDigits(s, ref i))
            {
                return false;
            }
            if (i < s.Length && s[i] == '.')
            {
                i++;
                SkipDigits(s, ref i);
            }
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }
            if (!SkipDigits(s, ref i))
            {
                return false;
            }
        }
        return i == s.Length;
    }

    /// <summary>Moves past ASCII digits; false when there were none.</summary>
    private static bool SkipDigits(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        return i > start;
    }
}
