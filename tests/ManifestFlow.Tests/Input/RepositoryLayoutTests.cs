using ManifestFlow.Core.Input;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Input;

/// <summary>What a walk of a real repository leaves out, and what a user can still name.</summary>
public sealed class RepositoryLayoutTests
{
    private static string Chart(string root)
    {
        var chart = Directory.CreateDirectory(Path.Combine(root, "charts", "payments", "templates")).Parent!.FullName;
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: payments\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(chart, "templates", "job.yaml"), "metadata:\n  name: {{ .Values.name }}\n{{- if .Values.x }}\n");
        return chart;
    }

    [Fact]
    public void HelmChart_IsSkippedInAWalkAndAboveANamedFile_ButReadWhenItsDirectoryIsNamed()
    {
        var root = TestTemp.Directory("mf-helm");
        var chart = Chart(root);
        var walk = CliRunner.Run(["validate", "."], workingDirectory: root);
        Assert.True(walk.ExitCode == 0, walk.Stdout + walk.StandardError);
        Assert.Contains("1 Helm chart path", walk.StandardError);

        var named = CliRunner.Run(["validate", "charts/payments/templates/job.yaml"], workingDirectory: root);
        Assert.Equal(0, named.ExitCode); // as pre-commit passes files one by one

        var explicitChart = CliRunner.Run(["validate", "charts/payments"], workingDirectory: root);
        Assert.Equal(2, explicitChart.ExitCode); // the user asked for the chart: its template is not YAML
        Assert.Contains("job.yaml:", explicitChart.Stdout);

        var inside = CliRunner.Run(["validate", "templates/job.yaml"], workingDirectory: chart);
        Assert.Equal(2, inside.ExitCode); // working inside the chart names it
    }

    [Theory]
    [InlineData("charts/**", "apps/a.yaml")]
    [InlineData("legacy", "apps/a.yaml")]
    [InlineData("*.json", "apps/a.yaml")]
    [InlineData("apps/*/b.yaml", "apps/a.yaml")]
    public void Exclude_LeavesOutWhatMatches(string glob, string kept)
    {
        var root = TestTemp.Directory("mf-exclude");
        foreach (var file in new[] { "apps/a.yaml", "charts/x/values.yaml", "legacy/old/c.yaml", "apps/d.json", "apps/x/b.yaml" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.WriteAllText(Path.Combine(root, file), "- not a resource\n");
        }
        var filter = PathFilter.None.With([glob], root);
        var reader = new InputReader(Core.Yaml.ReadLimits.Default, () => Stream.Null, root) { Exclude = filter };
        var read = reader.Read(["."]);
        var files = read.Files.Select(f => f.Path.Replace('\\', '/')).ToList();
        Assert.Contains("./" + kept, files);
        Assert.Equal(4, files.Count);
        Assert.Single(read.Skipped, s => s.Reason == SkipReason.Excluded);
    }

    [Fact]
    public void SkipKind_LeavesAKindUnchecked_AndCountsIt()
    {
        var root = TestTemp.Directory("mf-skip-kind");
        File.WriteAllText(Path.Combine(root, "job.yaml"), File.ReadAllText(Path.Combine(Golden.FixturesRoot, "validate", "equal-and-nested-directories", "input.yaml")));
        Assert.Equal(1, CliRunner.Run(["validate", "."], workingDirectory: root).ExitCode);
        var skipped = CliRunner.Run(["validate", ".", "--skip-kind", "FlinkDeployment"], workingDirectory: root);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Contains("of a skipped kind", skipped.StandardError);
    }
}
