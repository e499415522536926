namespace ManifestFlow.Tests.Support;

/// <summary>An executable that runs this build's manifestflow, for tools that exec a path (kpt, kustomize).</summary>
internal static class ToolWrapper
{
    public static string Create(string directory, params string[] fixedArgs)
    {
        var dotnet = ExternalTool.Require("dotnet");
        var dll = Path.Combine(AppContext.BaseDirectory, "manifestflow.dll");
        var path = Path.Combine(directory, "manifestflow-" + string.Join("-", fixedArgs));
        File.WriteAllText(path, $"#!/bin/sh\nexec '{dotnet}' '{dll}' {string.Join(' ', fixedArgs)} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return path;
    }

    /// <summary>A copy of fixtures/gitops/app in a scratch directory.</summary>
    public static string CopyApp(string prefix)
    {
        var dir = TestTemp.Directory(prefix);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Golden.FixturesRoot, "gitops", "app")))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        return dir;
    }
}
