using System.Text;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Output;

/// <summary>
/// Joins several files into one YAML stream for stdout. One file is passed through byte for byte
/// (BOM included); between files a "---" line is added when the next file does not start a document
/// itself, so documents of different files never run together.
/// </summary>
internal static class StreamConcatenation
{
    public static byte[] Join(IReadOnlyList<(SourceFile File, string Text)> files)
    {
        if (files.Count == 0)
        {
            return [];
        }
        var b = new StringBuilder(files[0].Text);
        for (var i = 1; i < files.Count; i++)
        {
            var (file, text) = files[i];
            if (b.Length > 0 && b[^1] != '\n')
            {
                b.Append(file.LineEnding);
            }
            if (!text.StartsWith("---", StringComparison.Ordinal))
            {
                b.Append("---").Append(file.LineEnding);
            }
            b.Append(text);
        }
        return SourceDecoder.Encode(b.ToString(), files[0].File.HasBom);
    }
}
