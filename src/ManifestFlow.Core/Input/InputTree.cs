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

    public void Expand(string path, string display, List<InputReader.Pending> found, List<Diagnostic> errors)
    {
        if (path == "-" || (File.Exists(path) && !Directory.Exists(path)))
        {
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
        var files = new List<InputReader.Pending>();
        Walk(new Folder(path, display, root), root, display, [root], files, errors);
        found.AddRange(files.OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    private sealed record Folder(string Path, string Display, string Real);

    private void Walk(Folder directory, string root, string rootDisplay, HashSet<string> visited, List<InputReader.Pending> files, List<Diagnostic> errors)
    {
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
                if (visited.Add(real))
                {
                    Walk(new Folder(path, display, real), root, rootDisplay, visited, files, errors);
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
