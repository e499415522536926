using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Editing;

/// <summary>Plans the smallest item-level edit from one JSON array to another.</summary>
internal static class SequenceAlignment
{
    /// <summary>Beyond this many item comparisons, align by common prefix and suffix only.</summary>
    private const int MaxCells = 250_000;

    public enum StepKind
    {
        Edit,
        Insert,
        Remove,
    }

    /// <summary>Edit: old item OldIndex becomes new item NewIndex. Insert: new item NewIndex goes before old item OldIndex (or at the end). Remove: old item OldIndex.</summary>
    public readonly record struct Step(StepKind Kind, int OldIndex, int NewIndex);

    public static List<Step> Plan(JsonArray old, JsonArray target)
    {
        var anchors = Anchors(old, target);
        anchors.Add((old.Count, target.Count));
        var steps = new List<Step>();
        int previousOld = -1, previousNew = -1;
        foreach (var (anchorOld, anchorNew) in anchors)
        {
            var oldGap = anchorOld - previousOld - 1;
            var newGap = anchorNew - previousNew - 1;
            var paired = Math.Min(oldGap, newGap);
            for (var k = 0; k < paired; k++)
            {
                steps.Add(new Step(StepKind.Edit, previousOld + 1 + k, previousNew + 1 + k));
            }
            for (var k = paired; k < newGap; k++)
            {
                steps.Add(new Step(StepKind.Insert, anchorOld, previousNew + 1 + k));
            }
            for (var k = paired; k < oldGap; k++)
            {
                steps.Add(new Step(StepKind.Remove, previousOld + 1 + k, -1));
            }
            previousOld = anchorOld;
            previousNew = anchorNew;
        }
        return steps;
    }

    /// <summary>Index pairs of equal items forming a longest common subsequence.</summary>
    private static List<(int Old, int New)> Anchors(JsonArray old, JsonArray target)
    {
        int n = old.Count, m = target.Count;
        var anchors = new List<(int, int)>();
        if ((long)n * m > MaxCells)
        {
            var prefix = 0;
            while (prefix < Math.Min(n, m) && JsonEquality.DeepEquals(old[prefix], target[prefix]))
            {
                anchors.Add((prefix, prefix));
                prefix++;
            }
            var suffix = 0;
            while (suffix < Math.Min(n, m) - prefix && JsonEquality.DeepEquals(old[n - 1 - suffix], target[m - 1 - suffix]))
            {
                suffix++;
            }
            for (var k = suffix; k > 0; k--)
            {
                anchors.Add((n - k, m - k));
            }
            return anchors;
        }
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = JsonEquality.DeepEquals(old[i], target[j])
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (JsonEquality.DeepEquals(old[a], target[b]) && lengths[a, b] == lengths[a + 1, b + 1] + 1)
            {
                anchors.Add((a++, b++));
            }
            else if (lengths[a + 1, b] >= lengths[a, b + 1])
            {
                a++;
            }
            else
            {
                b++;
            }
        }
        return anchors;
    }
}
