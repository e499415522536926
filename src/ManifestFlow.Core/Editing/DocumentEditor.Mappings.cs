using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

public sealed partial class DocumentEditor
{
    /// <summary>The member names of <paramref name="from"/> that <paramref name="other"/> lacks, in order.</summary>
    private static List<string> KeysMissingFrom(JsonObject from, JsonObject other)
    {
        var keys = new List<string>();
        foreach (var (key, _) in from)
        {
            if (!other.ContainsKey(key))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    private void ReconcileMapping(YMapping mapping, JsonObject old, JsonObject target, JsonPointer pointer)
    {
        var explicitEntries = new Dictionary<string, YEntry>(StringComparer.Ordinal);
        var merges = new List<YEntry>();
        foreach (var entry in mapping.Entries)
        {
            if (YamlToJson.IsMergeKey(entry.Key))
            {
                merges.Add(entry);
            }
            else
            {
                explicitEntries[YamlToJson.KeyName(entry.Key, out _)!] = entry;
            }
        }
        // Plain loops over the JSON members: LINQ over KeyValuePair is generic code over a value type, jitted on every start.
        var removed = KeysMissingFrom(old, target);
        var added = KeysMissingFrom(target, old);
        var removedExplicit = 0;
        foreach (var key in removed)
        {
            removedExplicit += explicitEntries.ContainsKey(key) ? 1 : 0;
        }
        var remaining = explicitEntries.Count - removedExplicit + added.Count;
        var compactFirstRemoved = !mapping.IsFlow && mapping.Entries.Count > 0 &&
            !_file.StartsLine(mapping.Entries[0].Key.Start) && removed.Exists(k => explicitEntries.GetValueOrDefault(k) == mapping.Entries[0]);
        // Where deleting entries one by one would leave broken text ("{, b: 1}"), re-emit the mapping instead.
        var insertions = 0;
        foreach (var (key, _) in target)
        {
            insertions += explicitEntries.ContainsKey(key) ? 0 : 1;
        }
        var flowRewrite = mapping.IsFlow && (removed.Count > 1 || (removedExplicit > 0 && removedExplicit == explicitEntries.Count && insertions > 0));
        if ((remaining == 0 && merges.Count == 0 && target.Count == 0) || compactFirstRemoved || flowRewrite)
        {
            Replace(mapping, target, pointer);
            return;
        }
        foreach (var key in removed)
        {
            if (!explicitEntries.TryGetValue(key, out var entry))
            {
                throw Refuse(merges[0].Key.Start, pointer.Append(key),
                    $"'{key}' comes from the merge key '<<' here; remove it from the mapping it is merged from");
            }
            if (merges.Count > 0)
            {
                throw Refuse(entry.Key.Start, pointer.Append(key),
                    "the mapping also has a merge key '<<', which may supply the removed key again");
            }
            RemoveEntry(mapping, entry, pointer.Append(key));
        }
        foreach (var (key, value) in target)
        {
            if (!old.TryGetPropertyValue(key, out var oldValue))
            {
                continue;
            }
            if (explicitEntries.TryGetValue(key, out var entry))
            {
                Reconcile(entry.Value, oldValue, value, pointer.Append(key));
            }
            else if (!JsonEquality.DeepEquals(oldValue, value))
            {
                // The value comes from a merge key: an explicit key after it overrides it (go-yaml v2 order).
                AddEntry(mapping, key, value, pointer.Append(key));
            }
        }
        foreach (var key in added)
        {
            AddEntry(mapping, key, target[key], pointer.Append(key));
        }
    }

    private void AddEntry(YMapping mapping, string key, JsonNode? value, JsonPointer pointer)
    {
        GuardAnchors(mapping, pointer);
        if (mapping.IsFlow)
        {
            var text = _emit.Key(key, inFlow: true) + ": " + _emit.Flow(value);
            if (mapping.Entries.Count == 0)
            {
                Splice(mapping.CloseBracket, mapping.CloseBracket, (_flowInsertions.Add(mapping) ? "" : ", ") + text);
            }
            else
            {
                var last = mapping.Entries[^1].Value;
                Splice(last.End, last.End, ", " + text);
            }
            return;
        }
        var column = Column(mapping.Entries[0].Key.Start);
        var (at, needsBreak) = LineEndAfter(mapping.Entries[^1].Value);
        var le = _emit.Style.LineEnding;
        var entry = new string(' ', column) + _emit.Entry(key, value, column);
        Splice(at, at, needsBreak ? le + entry + (_emit.EndedWithLiteral ? le : "") : entry + le);
    }

    private void RemoveEntry(YMapping mapping, YEntry entry, JsonPointer pointer)
    {
        GuardAnchors(mapping, pointer);
        var index = IndexOf(mapping.Entries, entry);
        if (mapping.IsFlow)
        {
            RemoveFlowItem(index, mapping.Entries.Count, i => mapping.Entries[i].Key.Start, i => mapping.Entries[i].Value.End);
            return;
        }
        Splice(_file.LineStart(entry.Key.Start), DeleteLinesEnd(entry.Value), "");
    }

    private void RemoveFlowItem(int index, int count, Func<int, int> startOf, Func<int, int> endOf)
    {
        if (index < count - 1)
        {
            Splice(startOf(index), startOf(index + 1), "");
        }
        else if (index > 0)
        {
            Splice(endOf(index - 1), endOf(index), "");
        }
        else
        {
            Splice(startOf(index), endOf(index), "");
        }
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }
        return -1;
    }
}
