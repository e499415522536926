using System.Globalization;
using System.Text;

namespace ManifestFlow.Core.Diagnostics;

/// <summary>
/// Makes a value safe for a terminal or a log: control characters (C0, C1, DEL) and bidi overrides
/// become visible escapes (\n, \r, \t, \u001b, \u202e), so a value can neither send escape sequences
/// nor forge a line of output.
/// </summary>
public static class TerminalText
{
    public static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe))
        {
            return text ?? "";
        }
        var b = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    b.Append("\\n");
                    break;
                case '\r':
                    b.Append("\\r");
                    break;
                case '\t':
                    b.Append("\\t");
                    break;
                default:
                    if (IsUnsafe(c))
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }
                    break;
            }
        }
        return b.ToString();
    }
}
