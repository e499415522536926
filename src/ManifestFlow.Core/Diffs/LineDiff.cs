namespace ManifestFlow.Core.Diffs;

/// <summary>
/// Counts the lines a change touches: over each hunk of a longest-common-subsequence line diff, the
/// larger of lines removed and lines added (a rewritten line counts once).
/// </summary>
public static class LineDiff
{
    public static int TouchedLines(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var x = a[prefix..^suffix];
        var y = b[prefix..^suffix];
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (var i = x.Length - 1; i >= 0; i--)
        {
            for (var j = y.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        int touched = 0, removed = 0, added = 0, p = 0, q = 0;
        while (p < x.Length || q < y.Length)
        {
            if (p < x.Length && q < y.Length && x[p] == y[q])
            {
                touched += Math.Max(removed, added);
                removed = added = 0;
                p++;
                q++;
            }
            else if (q >= y.Length || (p < x.Length && lcs[p + 1, q] >= lcs[p, q + 1]))
            {
                removed++;
                p++;
            }
            else
            {
                added++;
                q++;
            }
        }
        return touched + Math.Max(removed, added);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
