using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Review;

/// <summary>Hostile changes that try to get past the review gate (issue 13).</summary>
public sealed class ReviewGateTests
{
    private static string Deployment(string upgradeMode = "savepoint", string annotations = "", string savepoints = "s3://flink-state/orders/savepoints") => $$"""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: orders, namespace: streaming{{annotations}}}
        spec:
          image: flink:1.20
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://flink-state/orders/checkpoints
            execution.checkpointing.savepoint-dir: {{savepoints}}
          jobManager: {resource: {memory: 2048m, cpu: 1} }
          taskManager: {resource: {memory: 2048m, cpu: 1} }
          job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: {{upgradeMode}}}

        """;

    private static string Trees(string before, string after)
    {
        var dir = TestTemp.Directory("mf-review-gate");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "head"));
        File.WriteAllText(Path.Combine(dir, "base", "orders.yaml"), before);
        File.WriteAllText(Path.Combine(dir, "head", "orders.yaml"), after);
        return dir;
    }

    [Fact]
    public void DuplicateResourceInHead_IsReviewedAsTheLastCopy_AndReported()
    {
        // The first copy is the base unchanged; the second, which kubectl apply leaves on the cluster, drops state.
        var dir = Trees(Deployment(), Deployment() + "---\n" + Deployment(upgradeMode: "stateless"));

        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--format", "json"], workingDirectory: dir);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("MF0205", outcome.Stdout);
        Assert.Contains("stateless", outcome.Stdout);
        var validate = CliRunner.Run(["validate", "head"], workingDirectory: dir);
        Assert.Contains("MF0205", validate.Stdout + validate.StandardError);
    }

    [Fact]
    public void SuppressionAddedByTheChange_IsARisk_AndHidesNothing()
    {
        // The change breaks the directories (MF1002, an error) and silences the finding in the same commit.
        const string Silence = ", annotations: {manifestflow.io/ignore: \"MF1002: approved by the author\"}";
        var broken = Deployment(savepoints: "s3a://flink-state/orders/checkpoints");
        var dir = Trees(Deployment(), Deployment(savepoints: "s3a://flink-state/orders/checkpoints", annotations: Silence));

        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--format", "json"], workingDirectory: dir);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("MR005", outcome.Stdout);
        Assert.Contains("MF1002", outcome.Stdout);

        // A suppression already in the base, unchanged, is an approved exception: it silences as before.
        var approved = Trees(broken.Replace("namespace: streaming}", "namespace: streaming" + Silence + "}", StringComparison.Ordinal),
            Deployment(savepoints: "s3a://flink-state/orders/checkpoints", upgradeMode: "last-state", annotations: Silence));
        var kept = CliRunner.Run(["review", "--base", "base", "--head", "head", "--format", "json"], workingDirectory: approved);
        Assert.DoesNotContain("MR005", kept.Stdout);
        Assert.DoesNotContain("MF1002", kept.Stdout);
        Assert.Equal(0, kept.ExitCode);
    }
}
