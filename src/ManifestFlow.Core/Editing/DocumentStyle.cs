using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// How a document is laid out, learned from the document itself so new lines look like their
/// neighbours: mapping indentation, whether sequences under a key are indented, the line ending,
/// and whether it is JSON (every string and key double-quoted).
/// </summary>
public sealed record DocumentStyle(int MapIndent, int SequenceIndent, string LineEnding, bool Json)
{
    public static DocumentStyle Of(SourceDocument document)
    {
        var file = document.File;
        int? mapIndent = null;
        int? sequenceIndent = null;
        var json = document.Root is YMapping { IsFlow: true, Entries: [{ Key: YScalar { Style: ScalarStyle.DoubleQuoted } }, ..] };
        foreach (var node in document.Root?.DescendantsAndSelf() ?? [])
        {
            if (node is not YMapping { IsFlow: false } parent)
            {
                continue;
            }
            foreach (var (key, value) in parent.Entries)
            {
                if (!file.StartsLine(key.Start) || file.PositionOf(key.Start).Line == file.PositionOf(value.Start).Line)
                {
                    continue;
                }
                var step = file.PositionOf(value.Start).Column - file.PositionOf(key.Start).Column;
                if (value is YMapping { IsFlow: false } && mapIndent is null && step > 0)
                {
                    mapIndent = step;
                }
                else if (value is YSequence { IsFlow: false } && sequenceIndent is null && step >= 0 && file.StartsLine(value.Start))
                {
                    sequenceIndent = step; // the sequence starts at its first "-"
                }
            }
            if (mapIndent is not null && sequenceIndent is not null)
            {
                break;
            }
        }
        return new DocumentStyle(mapIndent ?? 2, sequenceIndent ?? mapIndent ?? 2, file.LineEnding, json);
    }
}
