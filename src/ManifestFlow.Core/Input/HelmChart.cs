namespace ManifestFlow.Core.Input;

/// <summary>
/// A Helm chart is a directory holding <c>Chart.yaml</c> beside <c>templates/</c>. Its templates are not
/// YAML until Helm renders them (<c>{{ .Values.name }}</c>, <c>{{- if }}</c>), so reading them as manifests
/// only produces syntax errors. A chart is read only when the user names it (or a directory inside it)
/// or works inside it; met while walking a directory, or above a file named one by one (as pre-commit
/// and editors pass files), it is skipped and counted.
/// </summary>
public static class HelmChart
{
    public static bool IsChart(string directory) =>
        File.Exists(Path.Combine(directory, "Chart.yaml")) && Directory.Exists(Path.Combine(directory, "templates"));

    /// <summary>
    /// The chart directory a file named on its own lies in, looking up from the file to (not including)
    /// <paramref name="workingDirectory"/>, or to the root for a file outside it; null when none.
    /// </summary>
    public static string? Containing(string file, string workingDirectory)
    {
        var stop = Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar);
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(file)); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (directory.TrimEnd(Path.DirectorySeparatorChar) == stop)
            {
                return null;
            }
            if (IsChart(directory))
            {
                return directory;
            }
        }
        return null;
    }
}
