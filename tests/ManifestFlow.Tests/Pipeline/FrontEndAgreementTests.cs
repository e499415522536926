using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Pipeline;

/// <summary>
/// One question, one answer: the same restore asked through the command line, a FlinkRestore run by
/// the real kpt, and the Argo CD plugin gives the same FlinkDeployment text, and a restore whose result
/// would not pass validation is refused by all three.
/// </summary>
public sealed class FrontEndAgreementTests
{
    private const string Deployment = "application-cluster-prod.yaml";

    [Fact]
    public void SameRestore_ThroughTheCliKptAndGenerate_GivesByteIdenticalDeploymentText()
    {
        var cli = ToolWrapper.CopyApp("mf-agree-cli");
        var run = CliRunner.Run(["restore", "--deployment", "application-cluster-prod", "--namespace", "event-processing",
            "--snapshot", "application-cluster-prod-backup-20261120", "--in-place", Deployment, "application-cluster-prod-backup.yaml", "ibm-flink-pvc.yaml"], workingDirectory: cli);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var byCli = File.ReadAllText(Path.Combine(cli, Deployment));
        Assert.Contains("savepointRedeployNonce", byCli, StringComparison.Ordinal);

        var byKpt = File.ReadAllText(Path.Combine(KptRender(File.ReadAllText(Path.Combine(Golden.FixturesRoot, "gitops", "app", "restore.manifestflow.yaml")), out var kpt), Deployment));
        Assert.True(kpt.ExitCode == 0, kpt.Stderr + kpt.Stdout);

        var argo = ToolWrapper.CopyApp("mf-agree-argo");
        var generated = CliRunner.Run(["generate"], workingDirectory: argo);
        Assert.True(generated.ExitCode == 0, generated.StandardError);
        var byGenerate = DeploymentDocument(generated.Stdout);

        Assert.Equal(byCli, byGenerate);
        // kpt writes every file back through its own YAML serializer (one space before a comment, its
        // own indentation), so its bytes are compared with the CLI's result passed through kpt: the same
        // restore rendered on it must change nothing, and the two must then be identical.
        var config = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "gitops", "app", "restore.manifestflow.yaml"));
        var cliThroughKpt = File.ReadAllText(Path.Combine(KptRender(config, out var again, [.. Directory.EnumerateFiles(cli).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))]), Deployment));
        Assert.True(again.ExitCode == 0, again.Stderr + again.Stdout);
        Assert.Equal(byKpt, cliThroughKpt);
    }

    [Fact]
    public void RestoreWhoseResultFailsValidation_IsRefusedByTheCliKptAndGenerate()
    {
        // Restoring forces savepoint mode today, and this job has no savepoint directory: the result is invalid.
        const string job = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: orders, namespace: streaming}
            spec:
              image: flink:1.20
              flinkVersion: v1_20
              serviceAccount: flink
              flinkConfiguration:
                execution.checkpointing.dir: s3://flink-state/orders/checkpoints
              jobManager: {resource: {memory: 2048m, cpu: 1}}
              taskManager: {resource: {memory: 2048m, cpu: 1}}
              job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: last-state}
            """;
        const string restore = """
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkRestore
            metadata:
              name: restore-orders
              annotations: {config.kubernetes.io/local-config: "true"}
            spec:
              target: {kind: FlinkDeployment, name: orders, namespace: streaming}
              savepointPath: s3://flink-state/orders/savepoints/savepoint-1
            """;
        var cli = TestTemp.Directory("mf-refuse-cli");
        File.WriteAllText(Path.Combine(cli, "orders.yaml"), job);
        var run = CliRunner.Run(["restore", "--deployment", "orders", "--savepoint-path", "s3://flink-state/orders/savepoints/savepoint-1", "orders.yaml"], workingDirectory: cli);
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StandardOutput);
        Assert.Contains("the result would not pass validation", run.StandardError, StringComparison.Ordinal);

        var package = KptRender(restore, out var kpt, ("orders.yaml", job));
        Assert.NotEqual(0, kpt.ExitCode);
        Assert.Contains("the result would not pass validation", kpt.Stderr + kpt.Stdout, StringComparison.Ordinal);
        Assert.Equal(job, File.ReadAllText(Path.Combine(package, "orders.yaml")));

        var argo = TestTemp.Directory("mf-refuse-argo");
        File.WriteAllText(Path.Combine(argo, "orders.yaml"), job);
        File.WriteAllText(Path.Combine(argo, "restore.yaml"), restore);
        var generated = CliRunner.Run(["generate"], workingDirectory: argo);
        Assert.Equal(1, generated.ExitCode);
        Assert.Empty(generated.StandardOutput);
        Assert.Contains("the result would not pass validation", generated.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoredRestore_HasTheSameSeverityInValidateAndReview()
    {
        var dir = Path.Combine(Golden.FixturesRoot, "review", "ignored-restore");
        var validate = CliRunner.Run(["validate", "--format", "json", Path.Combine(dir, "head")]);
        var review = CliRunner.Run(["review", "--base", "base", "--head", "head", "--format", "json"], workingDirectory: dir);
        var inValidate = System.Text.Json.Nodes.JsonNode.Parse(validate.Stdout)!["diagnostics"]!.AsArray().Single(d => d!["ruleId"]!.GetValue<string>() == "MF4004")!;
        var inReview = System.Text.Json.Nodes.JsonNode.Parse(review.Stdout)!["jobs"]!.AsArray().SelectMany(j => j!["risks"]!.AsArray()).Single(r => r!["id"]!.GetValue<string>() == "MF4004")!;
        Assert.Equal("error", inValidate["severity"]!.GetValue<string>());
        Assert.Equal("error", inReview["severity"]!.GetValue<string>());
        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(1, review.ExitCode);
    }

    /// <summary>A kpt package holding the app (or the given files) with a Kptfile running the config through manifestflow fn.</summary>
    private static string KptRender(string config, out ExternalTool.Result result, params (string Name, string Text)[] files)
    {
        var kpt = ExternalTool.Require("kpt");
        var fn = ToolWrapper.Create(TestTemp.Directory("mf-agree-bin"), "fn");
        var dir = files.Length == 0 ? ToolWrapper.CopyApp("mf-agree-kpt") : TestTemp.Directory("mf-agree-kpt");
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }
        File.WriteAllText(Path.Combine(dir, "restore.manifestflow.yaml"), config);
        File.WriteAllText(Path.Combine(dir, "Kptfile"), $"apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: app\n  annotations:\n    config.kubernetes.io/local-config: \"true\"\npipeline:\n  mutators:\n    - exec: {fn}\n      configPath: restore.manifestflow.yaml\n");
        result = ExternalTool.Run(kpt, ["fn", "render", dir, "--allow-exec"], workingDirectory: dir);
        return dir;
    }

    /// <summary>The FlinkDeployment's document in a generated stream, as it would be saved to its own file.</summary>
    private static string DeploymentDocument(string stream)
    {
        var documents = stream.Split("---\n");
        return documents.Single(d => d.Contains("\nkind: FlinkDeployment", StringComparison.Ordinal) || d.StartsWith("kind: FlinkDeployment", StringComparison.Ordinal));
    }
}
