using System.Globalization;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// Finds the node a JSON pointer names in a document's source, or the deepest node on its way when
/// the rest does not exist (so a message about a missing key points at the mapping that should hold it).
/// Follows aliases and merge keys the way <see cref="YamlToJson"/> resolves them.
/// </summary>
public static class NodeLocator
{
    public sealed record Location(YNode Node, bool Exact);

    public static Location? Find(SourceDocument document, JsonPointer pointer)
    {
        var node = document.Root;
        if (node is null)
        {
            return null;
        }
        foreach (var segment in pointer.Segments)
        {
            var resolved = node is YAlias alias ? alias.Target : node;
            var child = resolved switch
            {
                YMapping m => Member(m, segment),
                YSequence s when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < s.Items.Count => s.Items[i],
                _ => null,
            };
            if (child is null)
            {
                return new Location(node, false);
            }
            node = child;
        }
        return new Location(node, true);
    }

    /// <summary>
    /// The line and column a finding about <paramref name="pointer"/> is reported at: the node it names,
    /// or the deepest node on its way (the mapping that should hold a missing key), or the document start.
    /// </summary>
    public static SourcePosition PositionOf(SourceDocument document, JsonPointer? pointer)
    {
        var node = pointer is null ? document.Root : Find(document, pointer)?.Node;
        return document.File.PositionOf(node?.Start ?? document.Start);
    }

    /// <summary>
    /// Where the key of the member <paramref name="pointer"/> names is written — where an unknown field is
    /// reported, so the caret lands on the misspelt name — or <see cref="PositionOf"/> when it has no key of
    /// its own in the mapping (an array element, a member brought in by a merge key).
    /// </summary>
    public static SourcePosition KeyPositionOf(SourceDocument document, JsonPointer pointer)
    {
        if (!pointer.IsRoot && Find(document, pointer.Parent) is { Exact: true, Node: var parent }
            && (parent is YAlias alias ? alias.Target : parent) is YMapping mapping)
        {
            foreach (var (key, _) in mapping.Entries)
            {
                if (!YamlToJson.IsMergeKey(key) && YamlToJson.KeyName(key, out _) == pointer.Last)
                {
                    return document.File.PositionOf(key.Start);
                }
            }
        }
        return PositionOf(document, pointer);
    }

    private static YNode? Member(YMapping mapping, string name)
    {
        YNode? found = null;
        foreach (var (key, value) in mapping.Entries)
        {
            if (YamlToJson.IsMergeKey(key))
            {
                var merged = value is YAlias a ? a.Target : value;
                var sources = merged is YSequence s ? s.Items.Select(i => i is YAlias ai ? ai.Target : i) : [merged];
                found ??= sources.OfType<YMapping>().Select(m => Member(m, name)).FirstOrDefault(n => n is not null);
            }
            else if (YamlToJson.KeyName(key, out _) == name)
            {
                return value;
            }
        }
        return found;
    }
}
