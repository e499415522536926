namespace ManifestFlow.Tests.Support;

/// <summary>
/// Golden files: compare, or with MANIFESTFLOW_UPDATE_GOLDEN=1 rewrite the expected file so a
/// reviewer reads the change in the diff.
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("MANIFESTFLOW_UPDATE_GOLDEN") == "1";

    public static string FixturesRoot => Path.Combine(SharedCorpus.RepositoryRoot, "fixtures");

    public static void AssertBytes(string expectedPath, byte[] actual)
    {
        if (Updating)
        {
            File.WriteAllBytes(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing golden file {expectedPath} (run with MANIFESTFLOW_UPDATE_GOLDEN=1)");
        var expected = File.ReadAllBytes(expectedPath);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
            Assert.Fail($"{expectedPath}: bytes differ (BOM or line endings?)");
        }
    }
}
