using System.Text;

namespace ManifestFlow.Core.Editing;

/// <summary>Replace <c>[Start, End)</c> of a source text with <see cref="Text"/>; an insertion has Start == End.</summary>
public sealed record TextSplice(int Start, int End, string Text)
{
    /// <summary>
    /// Applies splices to <paramref name="text"/>. Splices must not overlap; insertions at the same
    /// point keep the order they were made in.
    /// </summary>
    public static string ApplyAll(string text, IEnumerable<TextSplice> splices)
    {
        var ordered = splices.Select((s, i) => (s, i)).OrderBy(x => x.s.Start).ThenBy(x => x.s.End).ThenBy(x => x.i).Select(x => x.s).ToList();
        var result = new StringBuilder(text.Length + ordered.Sum(s => s.Text.Length));
        var position = 0;
        foreach (var splice in ordered)
        {
            if (splice.Start < position)
            {
                throw new InvalidOperationException($"overlapping edits at {splice.Start}");
            }
            result.Append(text, position, splice.Start - position).Append(splice.Text);
            position = splice.End;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }
}
