namespace ManifestFlow.Core.Output;

/// <summary>
/// How reports name files: findings carry paths as typed (relative to the working directory); SARIF,
/// GitHub annotations and JUnit name them relative to the repository root, where tools look for them.
/// </summary>
public sealed record ReportPaths(string WorkingDirectory, string Root)
{
    /// <summary>Paths relative to the working directory alone (text and JSON, and tests).</summary>
    public static ReportPaths At(string workingDirectory) => new(workingDirectory, workingDirectory);

    /// <summary>Standard input and position-less entries have no file.</summary>
    public static bool IsFile(string file) => file is not ("-" or "<stdin>" or "");

    public string FullPath(string file) => Path.GetFullPath(file, WorkingDirectory);

    /// <summary>The path from the root with '/' separators, or null when the file lies outside the root.</summary>
    public string? FromRoot(string file)
    {
        var relative = Path.GetRelativePath(Root, FullPath(file));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>From the root when inside it, else the absolute path: for people and CI reports.</summary>
    public string Display(string file) => !IsFile(file) ? file : FromRoot(file) ?? FullPath(file).Replace(Path.DirectorySeparatorChar, '/');
}
