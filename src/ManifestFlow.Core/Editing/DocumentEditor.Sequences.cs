using System.Text.Json.Nodes;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

public sealed partial class DocumentEditor
{
    /// <summary>
    /// Same length: item by item. A pure insertion or removal (common prefix + common suffix cover the
    /// rest): only those items. Anything else: item by item over the common length, then the tail.
    /// </summary>
    private void ReconcileSequence(YSequence sequence, JsonArray old, JsonArray target, JsonPointer pointer)
    {
        if (!sequence.IsFlow && sequence.Items.Any(item => DashOf(item) < 0) && old.Count != target.Count)
        {
            Replace(sequence, target, pointer);
            return;
        }
        if (target.Count == 0 || (sequence.IsFlow && old.Count - target.Count > 1))
        {
            Replace(sequence, target, pointer);
            return;
        }
        var common = Math.Min(old.Count, target.Count);
        var prefix = 0;
        while (prefix < common && JsonEquality.DeepEquals(old[prefix], target[prefix]))
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < common - prefix && JsonEquality.DeepEquals(old[old.Count - 1 - suffix], target[target.Count - 1 - suffix]))
        {
            suffix++;
        }
        if (old.Count != target.Count && prefix + suffix == common)
        {
            if (target.Count > old.Count)
            {
                for (var i = prefix; i < prefix + (target.Count - old.Count); i++)
                {
                    InsertItem(sequence, prefix, target[i]);
                }
            }
            else
            {
                for (var i = prefix; i < prefix + (old.Count - target.Count); i++)
                {
                    RemoveItem(sequence, i);
                }
            }
            return;
        }
        for (var i = 0; i < common; i++)
        {
            Reconcile(sequence.Items[i], old[i], target[i], pointer.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        for (var i = common; i < target.Count; i++)
        {
            InsertItem(sequence, old.Count, target[i]);
        }
        for (var i = common; i < old.Count; i++)
        {
            RemoveItem(sequence, i);
        }
    }

    /// <summary>Inserts a new item before old item <paramref name="index"/> (or at the end).</summary>
    private void InsertItem(YSequence sequence, int index, JsonNode? value)
    {
        var items = sequence.Items;
        if (sequence.IsFlow)
        {
            var text = _emit.Flow(value);
            if (items.Count == 0)
            {
                Splice(sequence.CloseBracket, sequence.CloseBracket, text);
            }
            else if (index < items.Count)
            {
                Splice(items[index].Start, items[index].Start, text + ", ");
            }
            else
            {
                Splice(items[^1].End, items[^1].End, ", " + text);
            }
            return;
        }
        var column = Column(DashOf(items[0]));
        var le = _emit.Style.LineEnding;
        var line = new string(' ', column) + _emit.Item(value, column);
        if (index < items.Count)
        {
            var at = _file.LineStart(items[index].Start);
            Splice(at, at, line + le);
        }
        else
        {
            var (at, needsBreak) = LineEndAfter(items[^1]);
            Splice(at, at, needsBreak ? le + line : line + le);
        }
    }

    private void RemoveItem(YSequence sequence, int index)
    {
        var items = sequence.Items;
        if (sequence.IsFlow)
        {
            RemoveFlowItem(index, items.Count, i => items[i].Start, i => items[i].End);
            return;
        }
        Splice(_file.LineStart(items[index].Start), DeleteLinesEnd(items[index]), "");
    }

    /// <summary>The index of the "-" before a block sequence item when it begins its line, else -1.</summary>
    private int DashOf(YNode item)
    {
        var i = item.Start - 1;
        while (i >= 0 && _text[i] == ' ')
        {
            i--;
        }
        return i >= 0 && _text[i] == '-' && _file.StartsLine(i) ? i : -1;
    }
}
