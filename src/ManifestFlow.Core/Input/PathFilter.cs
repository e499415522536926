using System.Text;
using System.Text.RegularExpressions;

namespace ManifestFlow.Core.Input;

/// <summary>
/// Exclude globs (--exclude, the settings file's <c>exclude</c>), each relative to the directory it was
/// given in: the working directory for a flag, the settings file's directory for the file. As in
/// .gitignore, a pattern without '/' matches a file or directory name at any depth (<c>*.json</c>,
/// <c>legacy</c>); one with '/' matches the path from that directory (<c>charts/**</c>,
/// <c>apps/*/values.yaml</c>); <c>**</c> spans directories. A matched directory excludes all under it.
/// </summary>
public sealed class PathFilter
{
    private readonly List<(string Pattern, Regex Regex, bool AnyDepth, string Base)> _patterns = [];

    public static PathFilter None { get; } = new();

    public bool IsEmpty => _patterns.Count == 0;

    /// <summary>A filter with these patterns added, relative to <paramref name="baseDirectory"/>.</summary>
    public PathFilter With(IEnumerable<string> patterns, string baseDirectory)
    {
        var filter = new PathFilter();
        filter._patterns.AddRange(_patterns);
        foreach (var raw in patterns)
        {
            var pattern = raw.Replace('\\', '/').TrimEnd('/');
            pattern = pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern.TrimStart('/');
            if (pattern.Length > 0)
            {
                filter._patterns.Add((raw, ToRegex(pattern), !pattern.Contains('/', StringComparison.Ordinal), Path.GetFullPath(baseDirectory)));
            }
        }
        return filter;
    }

    /// <summary>The pattern that excludes <paramref name="path"/> (a file or directory), or null.</summary>
    public string? Excluding(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var (pattern, regex, anyDepth, baseDirectory) in _patterns)
        {
            var relative = Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');
            if (relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
            {
                continue; // outside the directory the pattern was given for
            }
            var segments = relative.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                var candidate = anyDepth ? segments[i] : string.Join('/', segments[..(i + 1)]);
                if (regex.IsMatch(candidate))
                {
                    return pattern;
                }
            }
        }
        return null;
    }

    /// <summary>'**' spans directories, '*' and '?' stay within one name; everything else is literal.</summary>
    private static Regex ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
