namespace ManifestFlow.Tests.Support;

/// <summary>
/// Finds ../shared beside the repository. Tests that read it skip with a clear message in a user's
/// own clone, but fail under CI=true, where a missing corpus means the suite silently tested nothing.
/// </summary>
internal static class SharedCorpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? Root
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(Path.Combine(path, "corpus")) ? path : null;
        }
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute path of a file under ../shared, or a skip (a failure in CI) when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = Root;
        if (root is null)
        {
            if (InCi)
            {
                Assert.Fail($"../shared is missing beside {RepositoryRoot}; CI must run with the shared corpus.");
            }
            Assert.Skip($"../shared is not beside this clone, so corpus file '{relative}' cannot be read.");
        }
        var path = Path.Combine(root!, relative);
        Assert.True(File.Exists(path) || Directory.Exists(path), $"shared corpus entry missing: {path}");
        return path;
    }

    public static IEnumerable<string> Files(string relativeDirectory, string pattern) =>
        Root is null
            ? []
            : Directory.EnumerateFiles(Path.Combine(Root, relativeDirectory), pattern, SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ManifestFlow.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("ManifestFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
