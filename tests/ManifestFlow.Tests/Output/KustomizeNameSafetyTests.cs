using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Output;

/// <summary>Issue 13: names from manifests cannot inject YAML into a generated kustomization.yaml.</summary>
public sealed class KustomizeNameSafetyTests
{
    private const string Manifest = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata:
          name: orders
          namespace: "prod\ncommonLabels:\n  pwned: \"yes\""
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://b/cp
            execution.checkpointing.savepoint-dir: s3://b/sp
          job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1, state: running}

        """;

    [Fact]
    public void KustomizeOverlay_RefusesANamespaceThatIsNotADns1123Label_WithLocationAndExit1()
    {
        var dir = TestTemp.Directory("mf-kustomize-names");
        File.WriteAllText(Path.Combine(dir, "m.yaml"), Manifest);

        var outcome = CliRunner.Run(["suspend", "--deployment", "orders", "--emit", "kustomize", "--out", "overlay", "m.yaml"], workingDirectory: dir);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("m.yaml:5:", outcome.StandardError);
        Assert.Contains("/metadata/namespace", outcome.StandardError);
        Assert.Contains("DNS-1123", outcome.StandardError);
        Assert.DoesNotContain("\ncommonLabels", outcome.StandardError);
        Assert.False(Directory.Exists(Path.Combine(dir, "overlay")));
    }

    [Fact]
    public void KustomizeOverlay_IsWrittenThroughTheYamlEmitter()
    {
        var dir = TestTemp.Directory("mf-kustomize-emit");
        File.WriteAllText(Path.Combine(dir, "m.yaml"), Manifest.Replace("\"prod\\ncommonLabels:\\n  pwned: \\\"yes\\\"\"", "prod", StringComparison.Ordinal));

        var outcome = CliRunner.Run(["suspend", "--deployment", "orders", "--emit", "kustomize", "--out", ".", "--force", "m.yaml"], workingDirectory: dir);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var k = File.ReadAllText(Path.Combine(dir, "kustomization.yaml"));
        Assert.Contains("kind: Kustomization\n", k);
        Assert.Contains("namespace: prod\n", k);
        Assert.DoesNotContain("commonLabels", k);
    }
}
