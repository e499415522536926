using System.Text;

namespace ManifestFlow.Core.Review;

/// <summary>
/// Escapes every string the review model hands a template (<see cref="ReviewModel"/>) so a manifest cannot inject into a pull-request comment:
/// HTML tags, Markdown emphasis, links, images, headings and table breaks are escaped, line breaks
/// flattened, and @mentions, #references and web autolinks broken with an invisible word joiner.
/// </summary>
public static class MarkdownEncoder
{
    private const char WordJoiner = '\u2060';
    private const string Specials = "\\`*_{}[]()#!|~+-.<>$";

    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    b.Append(' ');
                    break;
                case '&':
                    b.Append("&amp;");
                    break;
                case '<':
                    b.Append("&lt;");
                    break;
                case '>':
                    b.Append("&gt;");
                    break;
                case '"':
                    b.Append("&quot;");
                    break;
                case '@':
                    b.Append('@').Append(WordJoiner);
                    break;
                case '#':
                    b.Append("\\#").Append(WordJoiner);
                    break;
                case ':' when i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/' && EndsWithWebScheme(b):
                    b.Append(':').Append(WordJoiner);
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        continue;
                    }
                    if (Specials.Contains(c, StringComparison.Ordinal))
                    {
                        b.Append('\\');
                    }
                    b.Append(c);
                    break;
            }
        }
        return b.Replace("www\\.", "www" + WordJoiner + "\\.").ToString();
    }

    /// <summary>
    /// A code span for a path, name or value: readable as it is (no backslashes), and inert (no emphasis,
    /// links, math, HTML or mentions inside code). Fenced with more backticks than the longest run in the
    /// value; line breaks flattened, control characters dropped, and '|' escaped, which GitHub requires
    /// even inside code in a table cell.
    /// </summary>
    public static string Code(string text)
    {
        var b = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                b.Append(' ');
            }
            else if (c == '|')
            {
                b.Append("\\|");
            }
            else if (!char.IsControl(c))
            {
                b.Append(c);
            }
        }
        var value = b.ToString();
        if (value.Trim().Length == 0)
        {
            return Escape(text);
        }
        var longest = 0;
        var run = 0;
        foreach (var c in value)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        // A space on both sides when the value starts or ends with a backtick (CommonMark strips one from each side).
        var pad = value.StartsWith('`') || value.EndsWith('`') ? " " : "";
        return fence + pad + value + pad + fence;
    }

    private static bool EndsWithWebScheme(StringBuilder b)
    {
        var s = b.ToString();
        return s.EndsWith("http", StringComparison.OrdinalIgnoreCase) || s.EndsWith("https", StringComparison.OrdinalIgnoreCase) || s.EndsWith("ftp", StringComparison.OrdinalIgnoreCase);
    }
}
