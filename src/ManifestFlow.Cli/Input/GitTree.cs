using System.Diagnostics;
using System.Text;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Input;

/// <summary>
/// Reads the manifests of a git revision with the git CLI (ls-tree and cat-file): no checkout, no change
/// to the working tree or index. Paths are relative to the repository root, like a directory's.
/// </summary>
internal static class GitTree
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<SourceFile>? Read(string repository, string revision, ReadLimits limits, List<Diagnostic> errors)
    {
        // -l lists each blob's size, so an oversized blob is refused before git is asked for its bytes.
        var list = Git(repository, ["ls-tree", "-r", "-l", "-z", "--full-tree", revision], null, out var listError);
        if (list is null)
        {
            errors.Add(Catalog.Unreadable(revision, $"not a directory or a git revision here ({listError})"));
            return null;
        }
        var entries = Encoding.UTF8.GetString(list).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => (Meta: e[..e.IndexOf('\t', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries), Path: e[(e.IndexOf('\t', StringComparison.Ordinal) + 1)..]))
            .Where(e => e.Meta[1] == "blob" && Extensions.Contains(Path.GetExtension(e.Path), StringComparer.OrdinalIgnoreCase) && !e.Path.Split('/').Any(p => p.StartsWith('.')))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        var files = new List<SourceFile>();
        foreach (var (meta, path) in entries)
        {
            if (long.TryParse(meta[3], out var size) && size > limits.MaxFileBytes)
            {
                errors.Add(Catalog.TooLarge($"{revision}:{path}", size, limits.MaxFileBytes));
                continue;
            }
            var blob = Git(repository, ["cat-file", "blob", meta[2]], null, out var blobError);
            if (blob is null)
            {
                errors.Add(Catalog.Unreadable($"{revision}:{path}", blobError ?? "git cat-file failed"));
                continue;
            }
            var file = SourceDecoder.Decode(path, blob, out var decodeError);
            if (file is null)
            {
                errors.Add(decodeError!);
                continue;
            }
            files.Add(file);
        }
        return files;
    }

    /// <summary>Whether <paramref name="revision"/> names a tree-ish in the repository (a commit, tag or tree).</summary>
    public static bool IsRevision(string repository, string revision) =>
        !revision.StartsWith('-') && Git(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{tree}"], null, out _) is not null;

    /// <summary>A full object name (40 or 64 hex digits): unambiguously a revision.</summary>
    public static bool IsFullObjectName(string revision) =>
        revision.Length is 40 or 64 && revision.All(char.IsAsciiHexDigit);

    public static string? Root(string directory) =>
        Git(directory, ["rev-parse", "--show-toplevel"], null, out _) is { } bytes ? Encoding.UTF8.GetString(bytes).Trim() : null;

    private static byte[]? Git(string directory, string[] args, byte[]? stdin, out string? error)
    {
        error = null;
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(info)!;
            using var output = new MemoryStream();
            var errorText = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                error = errorText.Result.Trim();
                return null;
            }
            return output.ToArray();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error = $"git is not available: {e.Message}";
            return null;
        }
    }
}
