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
                var blockMapping = mapIndent is null && value is YMapping { IsFlow: false };
                var blockSequence = sequenceIndent is null && value is YSequence { IsFlow: false };
                if (!(blockMapping || blockSequence) || !file.StartsLine(key.Start))
                {
                    continue; // scalars, flow collections and known steps need no positions (most entries)
                }
                var keyAt = file.PositionOf(key.Start);
                var valueAt = file.PositionOf(value.Start);
                if (keyAt.Line == valueAt.Line)
                {
                    continue;
                }
                var step = valueAt.Column - keyAt.Column;
                if (blockMapping && step > 0)
                {
                    mapIndent = step;
                }
                else if (blockSequence && step >= 0 && file.StartsLine(value.Start))
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
