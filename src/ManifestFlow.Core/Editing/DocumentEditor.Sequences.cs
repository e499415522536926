using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

public sealed partial class DocumentEditor
{
    /// <summary>
    /// Aligns old and new items on their longest common subsequence: unchanged items stay untouched,
    /// and in each gap between them old and new items are paired and edited in place, the surplus
    /// inserted or removed. So inserting at the front of a list adds one line instead of rewriting all.
    /// </summary>
    private void ReconcileSequence(YSequence sequence, JsonArray old, JsonArray target, JsonPointer pointer)
    {
        var blockWithoutDashLines = !sequence.IsFlow && sequence.Items.Any(item => DashOf(item) < 0);
        if (target.Count == 0 || (blockWithoutDashLines && old.Count != target.Count))
        {
            Replace(sequence, target, pointer);
            return;
        }
        var plan = SequenceAlignment.Plan(old, target);
        if (sequence.IsFlow && plan.Count(step => step.Kind == SequenceAlignment.StepKind.Remove) > 1)
        {
            Replace(sequence, target, pointer); // deleting several flow items one by one would overlap
            return;
        }
        foreach (var step in plan)
        {
            switch (step.Kind)
            {
                case SequenceAlignment.StepKind.Edit:
                    Reconcile(sequence.Items[step.OldIndex], old[step.OldIndex], target[step.NewIndex],
                        pointer.Append(step.OldIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case SequenceAlignment.StepKind.Insert:
                    InsertItem(sequence, step.OldIndex, target[step.NewIndex], pointer);
                    break;
                case SequenceAlignment.StepKind.Remove:
                    RemoveItem(sequence, step.OldIndex, pointer);
                    break;
            }
        }
    }

    /// <summary>Inserts a new item before old item <paramref name="index"/> (or at the end).</summary>
    private void InsertItem(YSequence sequence, int index, JsonNode? value, JsonPointer pointer)
    {
        GuardAnchors(sequence, pointer);
        var items = sequence.Items;
        if (sequence.IsFlow)
        {
            var text = _emit.Flow(value);
            if (items.Count == 0)
            {
                Splice(sequence.CloseBracket, sequence.CloseBracket, (_flowInsertions.Add(sequence) ? "" : ", ") + text);
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
            Splice(at, at, needsBreak ? le + line + (_emit.EndedWithLiteral ? le : "") : line + le);
        }
    }

    private void RemoveItem(YSequence sequence, int index, JsonPointer pointer)
    {
        GuardAnchors(sequence, pointer.Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
