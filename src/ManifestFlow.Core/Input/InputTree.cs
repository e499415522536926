using System.Security;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Input;

/// <summary>
/// Expands a path the user named into the manifest files under it (*.yaml, *.yml, *.json, hidden entries
/// skipped, ordinal path order so output is deterministic). Each directory is resolved to its real path
/// before it is read: a link met while recursing must stay under the real root — otherwise the Argo CD
/// plugin would render whatever a link in a repository points at — and each real directory is read once,
/// so a link loop ends instead of recursing until memory runs out. The named path itself may be a link:
/// the user chose it. A directory that cannot be listed is an error, not a silent gap: a partial stream
/// makes Argo CD prune what is missing.
/// </summary>
internal sealed class InputTree(Func<string, IEnumerable<FileSystemInfo>> list)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private static readonly EnumerationOptions Listing = new() { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };

    public static InputTree Disk { get; } = new(List);

    /// <summary>Lists a directory, throwing when it cannot be read (where Directory.EnumerateFiles would skip it).</summary>
    public static IEnumerable<FileSystemInfo> List(string path) => new DirectoryInfo(path).EnumerateFileSystemInfos("*", Listing);

    /// <summary>What to leave out, relative to where the command runs, and where to record it.</summary>
    public sealed record Selection(PathFilter Exclude, string WorkingDirectory, List<SkippedInput> Skipped)
    {
        public bool SkipHelmCharts { get; init; } = true;

        /// <summary>True (and recorded) when the path matches an exclude glob.</summary>
        public bool Excluded(string path, string display)
        {
            if (Exclude.IsEmpty || Exclude.Excluding(path) is null)
            {
                return false;
            }
            Skipped.Add(new SkippedInput(display, SkipReason.Excluded));
            return true;
        }
    }

    public void Expand(string path, string display, Selection selection, List<InputReader.Pending> found, List<Diagnostic> errors)
    {
        if (path == "-")
        {
            found.Add(new InputReader.Pending(path, display));
            return;
        }
        if (File.Exists(path) && !Directory.Exists(path))
        {
            if (selection.Excluded(path, display))
            {
                return;
            }
            if (selection.SkipHelmCharts && HelmChart.Containing(path, selection.WorkingDirectory) is not null)
            {
                selection.Skipped.Add(new SkippedInput(display, SkipReason.HelmChart));
                return;
            }
            found.Add(new InputReader.Pending(path, display));
            return;
        }
        if (!Directory.Exists(path))
        {
            errors.Add(Catalog.Unreadable(display, "no such file or directory"));
            return;
        }
        string root;
        try
        {
            root = FileSystemProbe.RealPath(path);
        }
        catch (IOException e)
        {
            errors.Add(Catalog.Unreadable(display, e.Message));
            return;
        }
        if (selection.Excluded(path, display))
        {
            return;
        }
        var files = new List<InputReader.Pending>();
        Walk(new Folder(path, display, root), new Walking(root, display, selection), [root], files, errors);
        found.AddRange(files.OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    private sealed record Folder(string Path, string Display, string Real);

    private sealed record Walking(string Root, string RootDisplay, Selection Selection);

    private void Walk(Folder directory, Walking walk, HashSet<string> visited, List<InputReader.Pending> files, List<Diagnostic> errors)
    {
        var (root, rootDisplay) = (walk.Root, walk.RootDisplay);
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. list(directory.Path)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            errors.Add(Catalog.Unreadable(directory.Display, $"the directory cannot be listed ({e.Message})"));
            return;
        }
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }
            var path = Path.Combine(directory.Path, entry.Name);
            var display = Path.Combine(directory.Display, entry.Name);
            var real = Path.Combine(directory.Real, entry.Name);
            var isDirectory = entry is DirectoryInfo;
            if (walk.Selection.Excluded(path, display))
            {
                continue;
            }
            if (entry.LinkTarget is not null)
            {
                try
                {
                    real = FileSystemProbe.RealPath(path);
                }
                catch (IOException e)
                {
                    errors.Add(Catalog.Unreadable(display, e.Message));
                    continue;
                }
                if (!Inside(real, root))
                {
                    errors.Add(Catalog.Unreadable(display, $"a symbolic link leads outside {rootDisplay} (to {real}); refusing to read it"));
                    continue;
                }
                isDirectory = Directory.Exists(real);
            }
            if (isDirectory)
            {
                if (walk.Selection.SkipHelmCharts && HelmChart.IsChart(path))
                {
                    walk.Selection.Skipped.Add(new SkippedInput(display, SkipReason.HelmChart));
                }
                else if (visited.Add(real))
                {
                    Walk(new Folder(path, display, real), walk, visited, files, errors);
                }
            }
            else if (Extensions.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase))
            {
                files.Add(new InputReader.Pending(path, display));
            }
        }
    }

    private static bool Inside(string path, string root) =>
        path == root || path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
