using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Yaml;

/// <summary>
/// Turns a document's node tree into the JSON the API server would see: aliases expanded (after
/// checking the expanded size, so an alias bomb is refused without being built), merge keys applied
/// in go-yaml v2's order (a later entry overwrites an earlier one, and a sequence of merges gives the
/// first map precedence), non-string keys formatted, and duplicate keys refused.
/// </summary>
public sealed class YamlToJson
{
    private readonly SourceFile _file;
    private readonly ReadLimits _limits;
    private readonly Dictionary<YNode, long> _sizes = new(ReferenceEqualityComparer.Instance);

    private YamlToJson(SourceFile file, ReadLimits limits)
    {
        _file = file;
        _limits = limits;
    }

    public sealed record Result(JsonNode? Value, Diagnostic? Error);

    public static Result Convert(SourceDocument document, ReadLimits limits)
    {
        if (document.Root is null)
        {
            return new Result(null, null);
        }
        var converter = new YamlToJson(document.File, limits);
        try
        {
            if (document.AliasesByTarget.Count > 0)
            {
                // Without aliases the expansion is the tree itself, already bounded by the file size.
                converter.Measure(document.Root);
            }
            return new Result(converter.ToJson(document.Root, 0), null);
        }
        catch (ConversionException e)
        {
            return new Result(null, e.Diagnostic);
        }
    }

    private const string MergeTag = "tag:yaml.org,2002:merge";

    /// <summary>True for a plain, untagged "&lt;&lt;" key.</summary>
    public static bool IsMergeKey(YNode key) => key is YScalar { Value: "<<", Style: ScalarStyle.Plain, Tag: null };

    /// <summary>The JSON member name of a mapping key, or null with a reason.</summary>
    public static string? KeyName(YNode key, out string? error)
    {
        var resolved = key is YAlias alias ? alias.Target : key;
        if (resolved is not YScalar scalar)
        {
            error = "a mapping key must be a scalar to be converted to JSON";
            return null;
        }
        return ScalarResolver.KeyName(scalar, out error);
    }

    /// <summary>Counts expanded nodes bottom-up, each node once; an anchor is always measured before its aliases.</summary>
    private long Measure(YNode node)
    {
        if (_sizes.TryGetValue(node, out var known))
        {
            return known;
        }
        long size = 1;
        if (node is YAlias alias)
        {
            size = Measure(alias.Target);
            if (size > _limits.MaxExpandedNodes)
            {
                throw new ConversionException(Catalog.AliasExpansion(_file.LocationOf(alias.Start), alias.Name, _limits.MaxExpandedNodes));
            }
        }
        foreach (var child in node.Children)
        {
            size += Measure(child);
            if (size > _limits.MaxExpandedNodes)
            {
                var culprit = child.DescendantsAndSelf().OfType<YAlias>().FirstOrDefault();
                throw new ConversionException(culprit is null
                    ? Catalog.TooDeep(_file.LocationOf(child.Start), _limits.MaxDepth)
                    : Catalog.AliasExpansion(_file.LocationOf(culprit.Start), culprit.Name, _limits.MaxExpandedNodes));
            }
        }
        _sizes[node] = size;
        return size;
    }

    private JsonNode? ToJson(YNode node, int depth)
    {
        if (depth > _limits.MaxDepth)
        {
            throw new ConversionException(Catalog.TooDeep(_file.LocationOf(node.Start), _limits.MaxDepth));
        }
        switch (node)
        {
            case YAlias alias:
                return ToJson(alias.Target, depth);
            case YScalar scalar:
                if (!ScalarResolver.TryResolve(scalar, out var value, out var error))
                {
                    throw new ConversionException(Catalog.Unrepresentable(_file.LocationOf(scalar.Start), error!));
                }
                return value;
            case YSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(ToJson(item, depth + 1));
                }
                return array;
            default:
                return MappingToJson((YMapping)node, depth);
        }
    }

    private JsonObject MappingToJson(YMapping mapping, int depth)
    {
        var result = new JsonObject();
        // Merged keys may be overridden, explicit ones must be unique; the set of explicit keys is only
        // needed apart from the result when something was merged in.
        HashSet<string>? explicitKeys = null;
        foreach (var (key, value) in mapping.Entries)
        {
            if (IsMergeKey(key))
            {
                explicitKeys ??= [.. result.Select(p => p.Key)];
                Merge(result, value, depth);
                continue;
            }
            if (key is YScalar { Tag: MergeTag })
            {
                // go-yaml (kubectl) merges a key tagged !!merge; refused rather than read differently.
                throw new ConversionException(Catalog.Unrepresentable(_file.LocationOf(key.Start), "a merge key with an explicit !!merge tag is not supported (kubectl merges it); write a plain << key"));
            }
            var name = KeyName(key, out var error) ?? throw new ConversionException(Catalog.Unrepresentable(_file.LocationOf(key.Start), error!));
            if (explicitKeys is null ? result.ContainsKey(name) : !explicitKeys.Add(name))
            {
                throw new ConversionException(Catalog.Duplicate(_file.LocationOf(key.Start), name, _file.PositionOf(FirstKeyNamed(mapping, name).Start).Line));
            }
            result[name] = ToJson(value, depth + 1);
        }
        return result;
    }

    private static YNode FirstKeyNamed(YMapping mapping, string name) =>
        mapping.Entries.First(e => !IsMergeKey(e.Key) && KeyName(e.Key, out _) == name).Key;

    private void Merge(JsonObject into, YNode source, int depth)
    {
        var resolved = source is YAlias alias ? alias.Target : source;
        if (resolved is YSequence sequence)
        {
            // go-yaml v2 applies a merge list backwards, so earlier maps take precedence.
            foreach (var item in sequence.Items.Reverse())
            {
                var map = item is YAlias a ? a.Target : item;
                if (map is not YMapping)
                {
                    throw new ConversionException(Catalog.Unrepresentable(_file.LocationOf(item.Start), "a merge key (<<) list may only hold mappings"));
                }
                Merge(into, item, depth);
            }
            return;
        }
        if (resolved is not YMapping)
        {
            throw new ConversionException(Catalog.Unrepresentable(_file.LocationOf(source.Start), "a merge key (<<) needs a mapping or a list of mappings"));
        }
        foreach (var (name, value) in (JsonObject)ToJson(resolved, depth + 1)!)
        {
            into[name] = value?.DeepClone();
        }
    }

    private sealed class ConversionException(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }
}
