using System.Text;

namespace ManifestFlow.Core.Review;

/// <summary>For terminal text: values printed as they are, minus control characters (no escape sequences, no forged lines).</summary>
public static class PlainEncoder
{
    public static string Clean(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                b.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }
}
