using System.Text;
using ManifestFlow.Core.Editing;

namespace ManifestFlow.Cli.Output;

/// <summary>
/// Joins several files into one YAML stream for stdout. One file is passed through byte for byte
/// (BOM included); between files a "---" line is added when the next file does not start a document
/// itself, so documents of different files never run together. Written file by file: the stream of a
/// large directory is never held twice in memory.
/// </summary>
internal static class StreamConcatenation
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteTo(Stream output, IReadOnlyList<PatchApplication.FileResult> files)
    {
        if (files.Count == 0)
        {
            return;
        }
        using var writer = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true);
        if (files[0].HasBom)
        {
            writer.Write('\uFEFF');
        }
        writer.Write(files[0].Text);
        var last = LastChar(files[0].Text, null);
        for (var i = 1; i < files.Count; i++)
        {
            var file = files[i];
            if (last is not null and not '\n')
            {
                writer.Write(file.LineEnding);
                last = '\n';
            }
            if (!file.Text.StartsWith("---", StringComparison.Ordinal))
            {
                writer.Write("---");
                writer.Write(file.LineEnding);
                last = '\n';
            }
            writer.Write(file.Text);
            last = LastChar(file.Text, last);
        }
    }

    private static char? LastChar(string text, char? before) => text.Length > 0 ? text[^1] : before;
}
