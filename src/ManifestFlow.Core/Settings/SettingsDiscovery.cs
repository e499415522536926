using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Settings;

/// <summary>
/// Finds the settings file as kube-linter finds <c>.kube-linter.yaml</c>: <c>.manifestflow.yaml</c> in the
/// working directory or the nearest parent, stopping at the repository root (the first directory holding
/// <c>.git</c>), so a file outside the repository never changes its checks. <c>--config FILE</c> names one
/// instead, and then it must exist. Every front end calls this with its working directory.
/// </summary>
public static class SettingsDiscovery
{
    public sealed record Result(RepositorySettings? Settings, IReadOnlyList<Diagnostic> Errors)
    {
        public bool Failed => Errors.Count > 0;
    }

    public static Result Load(string? explicitPath, string workingDirectory, ReadLimits limits)
    {
        // Shown relative to where the command runs (".manifestflow.yaml", "../.manifestflow.yaml"), as paths are.
        var path = explicitPath ?? (Find(workingDirectory) is { } found ? Path.GetRelativePath(workingDirectory, found) : null);
        if (path is null)
        {
            return new Result(null, []);
        }
        var full = Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path);
        if (path == "-" || Directory.Exists(full))
        {
            return new Result(null, [Catalog.Unreadable(path, "the settings file must be a file (a directory or standard input cannot be one)")]);
        }
        var read = new InputReader(limits, () => Stream.Null, workingDirectory) { SkipHelmCharts = false }.Read([path]);
        if (read.Errors.Count > 0 || read.Files.Count != 1)
        {
            return new Result(null, read.Errors.Count > 0 ? read.Errors : [Catalog.Unreadable(path, "the settings file cannot be read")]);
        }
        var settings = SettingsReader.Read(read.Files[0], limits);
        // Relative exclude globs belong to the file's directory, wherever the command runs.
        return new Result(settings.Settings is { } s ? s with { Path = full } : null, settings.Errors);
    }

    /// <summary>The nearest <c>.manifestflow.yaml</c> from <paramref name="directory"/> up to the repository root, or null.</summary>
    public static string? Find(string directory)
    {
        for (var current = Path.GetFullPath(directory); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, SettingsReader.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            if (Directory.Exists(Path.Combine(current, ".git")) || File.Exists(Path.Combine(current, ".git")))
            {
                return null; // the repository root: settings above it belong to something else
            }
        }
        return null;
    }
}
