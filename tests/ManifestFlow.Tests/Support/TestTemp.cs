namespace ManifestFlow.Tests.Support;

/// <summary>Scratch directories for one test run, under one root that is removed when the run ends.</summary>
internal static class TestTemp
{
    private static readonly string Root = CreateRoot();

    public static string Directory(string prefix) =>
        System.IO.Directory.CreateDirectory(Path.Combine(Root, prefix + Guid.NewGuid().ToString("N")[..8])).FullName;

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"manifestflow-tests-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a leftover scratch directory is harmless
            }
        };
        return root;
    }
}
