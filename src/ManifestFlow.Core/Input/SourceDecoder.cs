using System.Text;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Input;

/// <summary>Decodes input bytes strictly as UTF-8, remembering a byte order mark so it can be written back.</summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceFile? Decode(string path, byte[] bytes, out Diagnostic? error)
    {
        error = null;
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var offset = hasBom ? 3 : 0;
        try
        {
            return new SourceFile(path, Strict.GetString(bytes, offset, bytes.Length - offset), hasBom);
        }
        catch (DecoderFallbackException e)
        {
            var bad = offset + Math.Max(0, e.Index);
            var lineStart = offset;
            var line = 1;
            for (var i = offset; i < bad && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            var column = Encoding.UTF8.GetCharCount(bytes, lineStart, bad - lineStart) + 1;
            error = Catalog.InvalidUtf8(path, line, column);
            return null;
        }
    }

    /// <summary>The bytes to write for <paramref name="text"/>, with the original file's BOM when it had one.</summary>
    public static byte[] Encode(string text, bool withBom)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return withBom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }
}
