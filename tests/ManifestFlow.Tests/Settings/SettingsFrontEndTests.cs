using System.Text;
using System.Text.Json.Nodes;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Settings;

/// <summary>
/// One .manifestflow.yaml, every front end: a severity the repository raises (MF1003 nested directories,
/// a warning, made an error) reaches validate's text, JSON and SARIF, the KRM function's results, the
/// Argo CD render, review, and every exit code — and without the file each of them passes.
/// </summary>
public sealed class SettingsFrontEndTests
{
    private const string Nested = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: orders, namespace: streaming}
        spec:
          image: flink:1.20
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://flink-state/orders
            execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints
          jobManager: {resource: {memory: 2048m, cpu: 1}}
          taskManager: {resource: {memory: 2048m, cpu: 1}}
          job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint}

        """;

    private const string RaiseNested = "severity:\n  MF1003: error\n";

    /// <summary>A repository root (it holds .git, so discovery stops here) with the manifest, and the settings when given.</summary>
    private static string Repository(string? settings)
    {
        var root = TestTemp.Directory("mf-settings");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "orders.yaml"), Nested);
        if (settings is not null)
        {
            File.WriteAllText(Path.Combine(root, ".manifestflow.yaml"), settings);
        }
        return root;
    }

    [Fact]
    public void Validate_RaisedSeverity_IsAnErrorInTextJsonAndSarif_AndExitsOne()
    {
        var plain = Repository(null);
        Assert.Equal(0, CliRunner.Run(["validate", "."], workingDirectory: plain).ExitCode);

        var root = Repository(RaiseNested);
        var text = CliRunner.Run(["validate", "."], workingDirectory: root);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains(": error MF1003:", text.Stdout);

        var json = JsonNode.Parse(CliRunner.Run(["validate", ".", "--format", "json"], workingDirectory: root).Stdout)!;
        Assert.Equal("error", json["diagnostics"]![0]!["severity"]!.ToString());

        var sarif = JsonNode.Parse(CliRunner.Run(["validate", ".", "--format", "sarif"], workingDirectory: root).Stdout)!;
        Assert.Equal("error", sarif["runs"]![0]!["results"]![0]!["level"]!.ToString());
    }

    [Fact]
    public void Validate_FromASubdirectory_FindsTheSettingsAtTheRepositoryRoot()
    {
        var root = Repository(RaiseNested);
        var apps = Directory.CreateDirectory(Path.Combine(root, "apps")).FullName;
        File.Move(Path.Combine(root, "orders.yaml"), Path.Combine(apps, "orders.yaml"));
        var outcome = CliRunner.Run(["validate", "orders.yaml"], workingDirectory: apps);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("orders.yaml:10:44: error MF1003:", outcome.Stdout);
    }

    [Fact]
    public void Validate_SettingsAboveTheRepositoryRoot_AreNotUsed()
    {
        var outer = TestTemp.Directory("mf-settings-outer");
        File.WriteAllText(Path.Combine(outer, ".manifestflow.yaml"), RaiseNested);
        var root = Path.Combine(outer, "repo");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "orders.yaml"), Nested);
        Assert.Equal(0, CliRunner.Run(["validate", "."], workingDirectory: root).ExitCode);
    }

    [Fact]
    public void KrmFunction_RaisedSeverity_IsAnErrorResult_AndExitsOne()
    {
        var list = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n" +
            string.Join("", Nested.Split('\n').Where(l => l.Length > 0).Select((l, i) => (i == 0 ? "- " : "  ") + l + "\n"));
        var plain = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(list), Repository(null));
        Assert.True(plain.ExitCode == 0, plain.StandardError);

        var outcome = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(list), Repository(RaiseNested));
        Assert.True(outcome.ExitCode == 1, outcome.StandardError);
        Assert.Contains("severity: error", outcome.Stdout);
        Assert.Contains("MF1003", outcome.Stdout);
    }

    [Fact]
    public void ArgoCdGenerate_RaisedSeverity_FailsTheRender_WithNothingOnStdout()
    {
        var plain = CliRunner.Run(["generate", "."], workingDirectory: Repository(null));
        Assert.True(plain.ExitCode == 0, plain.StandardError);
        Assert.Contains("kind: FlinkDeployment", plain.Stdout);

        var outcome = CliRunner.Run(["generate", "."], workingDirectory: Repository(RaiseNested));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error MF1003", outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }

    [Fact]
    public void Review_RaisedSeverity_IsAnErrorRisk_AndFailsOnError()
    {
        static string Trees(string? settings)
        {
            var root = Repository(settings);
            Directory.CreateDirectory(Path.Combine(root, "base"));
            Directory.CreateDirectory(Path.Combine(root, "head"));
            File.WriteAllText(Path.Combine(root, "base", "orders.yaml"), Nested.Replace("s3://flink-state/orders/savepoints", "s3://flink-state/savepoints/orders", StringComparison.Ordinal));
            File.Move(Path.Combine(root, "orders.yaml"), Path.Combine(root, "head", "orders.yaml"));
            return root;
        }
        string[] args = ["review", "--base", "dir:base", "--head", "dir:head", "--format", "json", "--fail-on", "error"];
        var plain = CliRunner.Run(args, workingDirectory: Trees(null));
        Assert.True(plain.ExitCode == 0, plain.StandardError);
        Assert.Contains("\"MF1003\"", plain.Stdout);

        var outcome = CliRunner.Run(args, workingDirectory: Trees(RaiseNested));
        Assert.True(outcome.ExitCode == 1, outcome.StandardError);
        var risk = JsonNode.Parse(outcome.Stdout)!["jobs"]!.AsArray().SelectMany(j => j!["risks"]!.AsArray()).First(r => r!["id"]!.ToString() == "MF1003")!;
        Assert.Equal("error", risk["severity"]!.ToString());
    }

    [Fact]
    public void Backup_UnusableSettings_StopWithExitTwo_AndNothingWritten()
    {
        var root = Repository("disable: [MF1OO3]\n");
        var outcome = CliRunner.Run(["backup", "orders.yaml", "--deployment", "orders"], workingDirectory: root);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
        Assert.Contains(".manifestflow.yaml:1:11: error MF0401: unknown rule 'MF1OO3'; did you mean MF1003?", outcome.StandardError);
    }

    [Fact]
    public void ExplicitConfig_IsUsedInsteadOfTheDiscoveredFile()
    {
        var root = Repository("disable: [MF1003]\n");
        File.WriteAllText(Path.Combine(root, "strict.yaml"), RaiseNested);
        Assert.Equal(0, CliRunner.Run(["validate", "orders.yaml"], workingDirectory: root).ExitCode);
        Assert.Equal(1, CliRunner.Run(["validate", "orders.yaml", "--config", "strict.yaml"], workingDirectory: root).ExitCode);
        var missing = CliRunner.Run(["validate", "orders.yaml", "--config", "nope.yaml"], workingDirectory: root);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml: error MF0006", missing.StandardError);
    }
}

/// <summary>--config names something that is not a settings file: exit 2 with a reason, never a crash.</summary>
public sealed class SettingsPathTests
{
    [Theory]
    [InlineData("dir")]
    [InlineData("-")]
    [InlineData("charts/x/settings.yaml")]
    public void ConfigThatIsNotAFile_OrInsideAChart_IsHandled(string config)
    {
        var root = TestTemp.Directory("mf-settings-path");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        Directory.CreateDirectory(Path.Combine(root, "dir"));
        Directory.CreateDirectory(Path.Combine(root, "charts", "x", "templates"));
        File.WriteAllText(Path.Combine(root, "charts", "x", "Chart.yaml"), "apiVersion: v2\n");
        File.WriteAllText(Path.Combine(root, "charts", "x", "settings.yaml"), "failOn: warning\n");
        File.WriteAllText(Path.Combine(root, "a.yaml"), "kind: NotAResource\n");
        var outcome = CliRunner.Run(["validate", "a.yaml", "--config", config], workingDirectory: root);
        Assert.DoesNotContain("internal error", outcome.StandardError);
        Assert.Equal(config.StartsWith("charts", StringComparison.Ordinal) ? 0 : 2, outcome.ExitCode);
    }
}
