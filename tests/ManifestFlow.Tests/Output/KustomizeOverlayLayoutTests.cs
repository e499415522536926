using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Output;

/// <summary>
/// --emit kustomize as kustomize users lay overlays out: it references the manifest or its base, never
/// copies it; it never writes into a directory holding files without --force; and every layout kustomize
/// would build wrongly or not at all is refused with what to do, nothing written.
/// </summary>
public sealed class KustomizeOverlayLayoutTests
{
    private const string Manifest = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: orders, namespace: prod}
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://b/cp
            execution.checkpointing.savepoint-dir: s3://b/sp
          job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1}

        """;

    private static string Base(string kustomization)
    {
        var dir = TestTemp.Directory("mf-overlay-layout");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        File.WriteAllText(Path.Combine(dir, "base", "orders.yaml"), Manifest);
        File.WriteAllText(Path.Combine(dir, "base", "kustomization.yaml"), kustomization);
        return dir;
    }

    private static CliRunner.Outcome Suspend(string dir, params string[] args) =>
        CliRunner.Run(["suspend", "--deployment", "orders", "--emit", "kustomize", .. args], workingDirectory: dir);

    [Fact]
    public void NonEmptyOut_WithoutForce_IsAUsageError_AndNothingIsWritten()
    {
        var dir = Base("resources: [orders.yaml]\n");
        Directory.CreateDirectory(Path.Combine(dir, "restore"));
        File.WriteAllText(Path.Combine(dir, "restore", "kustomization.yaml"), "# mine\n");
        var outcome = Suspend(dir, "--out", "restore", "base/orders.yaml");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--out restore is not empty", outcome.StandardError);
        Assert.Contains("--force", outcome.StandardError);
        Assert.Equal("# mine\n", File.ReadAllText(Path.Combine(dir, "restore", "kustomization.yaml")));

        var forced = Suspend(dir, "--out", "restore", "--force", "base/orders.yaml");
        Assert.True(forced.ExitCode == 0, forced.StandardError);
        Assert.Contains("  - ../base\n", File.ReadAllText(Path.Combine(dir, "restore", "kustomization.yaml")));
    }

    [Fact]
    public void ManifestOutsideOutWithoutABase_IsRefused_WithWhatToDo()
    {
        var dir = TestTemp.Directory("mf-overlay-layout");
        File.WriteAllText(Path.Combine(dir, "orders.yaml"), Manifest);
        var outcome = Suspend(dir, "--out", "restore", "orders.yaml");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("orders.yaml:1:1: error", outcome.StandardError);
        Assert.Contains("not part of a kustomize base", outcome.StandardError);
        Assert.Contains("resources: [orders.yaml]", outcome.StandardError);
        Assert.False(Directory.Exists(Path.Combine(dir, "restore")));
    }

    [Theory]
    [InlineData("resources: [orders.yaml]\nnamePrefix: staging-\n", "namePrefix")]
    [InlineData("resources: [orders.yaml]\nnamespace: other\n", "namespace")]
    [InlineData("resources: [other.yaml]\n", "does not list it")]
    [InlineData("resources: [orders.yaml\n", "cannot be read")]
    public void BaseThatWouldMakeThePatchMissOrCannotBeRead_IsRefused(string kustomization, string expected)
    {
        var dir = Base(kustomization);
        var outcome = Suspend(dir, "--out", "restore", "base/orders.yaml");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(expected, outcome.StandardError);
        Assert.False(Directory.Exists(Path.Combine(dir, "restore")));
    }

    [Fact]
    public void OverlayInsideItsOwnBase_IsRefused()
    {
        var dir = Base("resources: [orders.yaml]\n");
        var outcome = Suspend(dir, "--out", "base/restore", "base/orders.yaml");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("inside the base", outcome.StandardError);
        Assert.False(Directory.Exists(Path.Combine(dir, "base", "restore")));
    }

    [Fact]
    public void StandardInput_HasNoFileToReference_UsageError()
    {
        var dir = TestTemp.Directory("mf-overlay-layout");
        var outcome = CliRunner.Run(["suspend", "--deployment", "orders", "--emit", "kustomize", "--out", "restore", "-"], Encoding.UTF8.GetBytes(Manifest), dir);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("standard input", outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }
}
