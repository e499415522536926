using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// The decoded text of one input, without its byte order mark. Offsets throughout ManifestFlow are
/// UTF-16 indexes into <see cref="Text"/>; writing back re-adds the BOM so untouched bytes stay identical.
/// </summary>
public sealed class SourceFile
{
    private readonly int[] _lineStarts;

    public SourceFile(string path, string text, bool hasBom = false)
    {
        Path = path;
        Text = text;
        HasBom = hasBom;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
        var crlf = text.IndexOf("\r\n", StringComparison.Ordinal);
        var lf = text.IndexOf('\n');
        LineEnding = crlf >= 0 && crlf + 1 == lf ? "\r\n" : "\n";
    }

    private IReadOnlyList<DocumentTree>? _trees;

    /// <summary>
    /// The node trees of this file's documents, read again for <see cref="SourceDocument.Detached"/> documents
    /// and kept (one read however many of its documents need theirs). Not counted as a parse of the input.
    /// </summary>
    internal IReadOnlyList<DocumentTree> TreesOf(ReadLimits limits) =>
        LazyInitializer.EnsureInitialized(ref _trees, () => YamlStreamReader.ReadTrees(this, limits));

    /// <summary>The path as the user gave it (or "-" / "&lt;stdin&gt;"), used in every message.</summary>
    public string Path { get; }

    public string Text { get; }

    public bool HasBom { get; }

    /// <summary>The line ending new lines are written with: the file's first one.</summary>
    public string LineEnding { get; }

    /// <summary>A finding's location at a character index of this file.</summary>
    public SourceLocation LocationOf(int index, string? pointer = null) => new(Path, PositionOf(index), pointer);

    public SourcePosition PositionOf(int index)
    {
        index = Math.Clamp(index, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SourcePosition(line + 1, index - _lineStarts[line] + 1);
    }

    public int LineStart(int index) => _lineStarts[PositionOf(index).Line - 1];

    /// <summary>The index just past the line break of the line holding <paramref name="index"/> (or the end of text).</summary>
    public int NextLineStart(int index)
    {
        var line = PositionOf(index).Line;
        return line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
    }

    /// <summary>The number of columns of leading spaces on the line holding <paramref name="index"/>.</summary>
    public int IndentOf(int index)
    {
        var start = LineStart(index);
        var i = start;
        while (i < Text.Length && Text[i] == ' ')
        {
            i++;
        }
        return i - start;
    }

    /// <summary>True when only spaces (or "- " sequence indicators) precede <paramref name="index"/> on its line.</summary>
    public bool StartsLine(int index)
    {
        for (var i = LineStart(index); i < index; i++)
        {
            if (Text[i] != ' ')
            {
                return false;
            }
        }
        return true;
    }
}
