namespace ManifestFlow.Core.Diagnostics;

/// <summary>"Did you mean …?": the closest known name to a mistyped one, when it is close enough to be a typo.</summary>
public static class Suggestions
{
    public static string? Nearest(string text, IEnumerable<string> values)
    {
        var scored = values.Select(v => (v, d: Distance(text.ToLowerInvariant(), v.ToLowerInvariant()))).ToList();
        if (scored.Count == 0)
        {
            return null;
        }
        var best = scored.MinBy(x => x.d);
        return best.d <= Math.Max(2, best.v.Length / 3) ? best.v : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
