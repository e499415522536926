namespace ManifestFlow.Core.Flink;

/// <summary>
/// A state directory URI split the way Flink's Path does it: scheme and path. Object stores and
/// distributed file systems count as persistent; <c>file:</c> paths must lie on a persistent volume.
/// </summary>
public sealed record StorageUri(string Text, string? Scheme, string Path)
{
    public static readonly HashSet<string> PersistentSchemes =
        new(["s3", "s3a", "s3p", "gs", "hdfs", "abfs", "abfss", "wasb", "wasbs", "oss", "cos", "obs", "viewfs"], StringComparer.OrdinalIgnoreCase);

    public bool IsFile => string.Equals(Scheme, "file", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path on the pod's own file system: <c>file:</c>, or an absolute path without scheme (Flink's default file system is local).</summary>
    public bool IsLocal => IsFile || (Scheme is null && Path.StartsWith('/'));

    public bool IsKnownScheme => IsFile || (Scheme is not null && PersistentSchemes.Contains(Scheme));

    public static StorageUri Parse(string text)
    {
        text = text.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (colon <= 0 || (slash >= 0 && slash < colon) || !IsSchemeText(text[..colon]))
        {
            return new StorageUri(text, null, Normalize(text));
        }
        var scheme = text[..colon];
        var rest = text[(colon + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authorityEnd = rest.IndexOf('/', 2);
            var authority = authorityEnd < 0 ? rest[2..] : rest[2..authorityEnd];
            var path = authorityEnd < 0 ? "/" : rest[authorityEnd..];
            // file:///x and file:/x are the same local path; for object stores the bucket is part of the identity.
            return new StorageUri(text, scheme, Normalize(string.Equals(scheme, "file", StringComparison.OrdinalIgnoreCase) ? path : "//" + authority + path));
        }
        return new StorageUri(text, scheme, Normalize(rest));
    }

    /// <summary>True when this directory is <paramref name="other"/> or lies inside it (s3, s3a and s3p being one store).</summary>
    public bool IsWithin(StorageUri other) =>
        string.Equals(Store, other.Store, StringComparison.OrdinalIgnoreCase) && IsPathWithin(Path, other.Path);

    /// <summary>True when both name the same place: <c>s3://b/k</c>, <c>s3a://b/k/</c> and <c>s3p://b/./k</c> are one directory.</summary>
    public bool IsSamePlace(StorageUri other) => IsWithin(other) && other.IsWithin(this);

    /// <summary>
    /// The storage a scheme reaches. Flink's S3 plugins register <c>s3</c> and <c>s3a</c> (flink-s3-fs-hadoop)
    /// and <c>s3</c> and <c>s3p</c> (flink-s3-fs-presto) for the same buckets and keys, so the three
    /// schemes address one object store.
    /// </summary>
    private string Store => Scheme is null ? ""
        : Scheme.Equals("s3a", StringComparison.OrdinalIgnoreCase) || Scheme.Equals("s3p", StringComparison.OrdinalIgnoreCase) ? "s3"
        : Scheme;

    public static bool IsPathWithin(string path, string directory) =>
        path == directory || directory == "/" || path.StartsWith(directory + "/", StringComparison.Ordinal);

    private static bool IsSchemeText(string s) =>
        s.Length > 0 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        var absolute = path.StartsWith('/');
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        var prefix = path.StartsWith("//", StringComparison.Ordinal) ? "//" : absolute ? "/" : "";
        return prefix + string.Join('/', parts);
    }
}
