using System.Text;
using HandlebarsDotNet;

namespace ManifestFlow.Core.Review;

/// <summary>For terminal text: values printed as they are, minus control characters (no escape sequences, no forged lines).</summary>
public sealed class PlainEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        if (text is null)
        {
            return;
        }
        while (text.MoveNext())
        {
            Write(text.Current, target);
        }
    }

    public void Encode(string? text, TextWriter target)
    {
        foreach (var c in text ?? "")
        {
            Write(c, target);
        }
    }

    private static void Write(char c, TextWriter target)
    {
        if (c is '\n' or '\r' or '\t')
        {
            target.Write(' ');
        }
        else if (!char.IsControl(c))
        {
            target.Write(c);
        }
    }
}
