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
        var ordered = new List<Numbered>();
        var added = 0;
        foreach (var splice in splices)
        {
            ordered.Add(new Numbered(splice, ordered.Count));
            added += splice.Text.Length;
        }
        ordered.Sort(static (a, b) =>
            a.Splice.Start != b.Splice.Start ? a.Splice.Start.CompareTo(b.Splice.Start)
            : a.Splice.End != b.Splice.End ? a.Splice.End.CompareTo(b.Splice.End)
            : a.Index.CompareTo(b.Index));
        var result = new StringBuilder(text.Length + added);
        var position = 0;
        foreach (var (splice, _) in ordered)
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

    /// <summary>A splice and the order it was made in (a class: sorting tuples is jitted at start-up).</summary>
    private sealed record Numbered(TextSplice Splice, int Index);
}
