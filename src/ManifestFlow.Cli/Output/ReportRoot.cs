namespace ManifestFlow.Cli.Output;

/// <summary>
/// The directory report paths are relative to: the repository root (the nearest directory at or above
/// the working directory holding <c>.git</c>, a directory or a worktree's file), so code scanning and CI
/// place findings on the right files whatever directory the command ran in; the working directory outside a repository.
/// </summary>
internal static class ReportRoot
{
    public static string Of(string workingDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(workingDirectory)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }
        return Path.GetFullPath(workingDirectory);
    }
}
