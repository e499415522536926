using System.Text;

namespace ManifestFlow.Core.Json;

/// <summary>An RFC 6901 JSON Pointer, parsed strictly (leading '/', only ~0 and ~1 escapes).</summary>
public sealed class JsonPointer : IEquatable<JsonPointer>
{
    public static readonly JsonPointer Root = new([]);

    private JsonPointer(IReadOnlyList<string> segments) => Segments = segments;

    public IReadOnlyList<string> Segments { get; }

    public bool IsRoot => Segments.Count == 0;

    public JsonPointer Parent => IsRoot ? this : new JsonPointer(Segments.Take(Segments.Count - 1).ToArray());

    public string Last => Segments[^1];

    public static JsonPointer Of(params string[] segments) => new(segments);

    public JsonPointer Append(string segment) => new([.. Segments, segment]);

    /// <summary>Parses <paramref name="text"/>; returns null and a reason when it is not a valid pointer.</summary>
    public static JsonPointer? TryParse(string text, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            return Root;
        }
        if (text[0] != '/')
        {
            error = $"pointer '{text}' must be empty or start with '/'";
            return null;
        }
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else if (c == '~')
            {
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (next is not ('0' or '1'))
                {
                    error = $"pointer '{text}' has an invalid escape at character {i + 1} (only ~0 and ~1 are allowed)";
                    return null;
                }
                current.Append(next == '0' ? '~' : '/');
                i++;
            }
            else
            {
                current.Append(c);
            }
        }
        segments.Add(current.ToString());
        return new JsonPointer(segments);
    }

    /// <summary>True when this pointer is <paramref name="other"/> or lies inside it.</summary>
    public bool StartsWith(JsonPointer other) =>
        other.Segments.Count <= Segments.Count && other.Segments.Select((s, i) => s == Segments[i]).All(x => x);

    /// <summary>Reads a segment as an array index: digits only, no leading zeros.</summary>
    public static bool TryParseIndex(string segment, out int index)
    {
        index = -1;
        if (segment.Length == 0 || segment.Length > 9 || (segment.Length > 1 && segment[0] == '0'))
        {
            return false;
        }
        foreach (var c in segment)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        index = int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public override string ToString() => string.Concat(Segments.Select(s => "/" + Escape(s)));

    public bool Equals(JsonPointer? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override bool Equals(object? obj) => Equals(obj as JsonPointer);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
