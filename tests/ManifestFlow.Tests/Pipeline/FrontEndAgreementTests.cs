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
        // The path is in the savepoint directory, so planning accepts it; but it is the path of a snapshot that
        // FAILED, so the restored manifest breaks MF4008. Only the check of the result can see that.
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
                execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints
              jobManager: {resource: {memory: 2048m, cpu: 1}}
              taskManager: {resource: {memory: 2048m, cpu: 1}}
              job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: last-state}
            ---
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkStateSnapshot
            metadata: {name: orders-failed, namespace: streaming}
            spec:
              jobReference: {kind: FlinkDeployment, name: orders}
              savepoint: {alreadyExists: false, disposeOnDelete: false}
            status: {state: FAILED, path: "s3://flink-state/orders/savepoints/savepoint-1", error: "checkpoint declined"}
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

    [Fact]
    public void RenderingTwice_ChangesNothing_ForABackupAndARestoreFromGit()
    {
        const string backup = """
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkBackup
            metadata:
              name: nightly
              annotations: {config.kubernetes.io/local-config: "true"}
            spec:
              target: {kind: FlinkDeployment, name: application-cluster-prod, namespace: event-processing}
            """;
        var app = Directory.EnumerateFiles(Path.Combine(Golden.FixturesRoot, "gitops", "app")).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var running = app.Select(f => f.Item1 == Deployment ? (f.Item1, RunningStatus(f.Item2)) : f).ToArray();
        var first = KptRender(backup, out var once, running);
        Assert.True(once.ExitCode == 0, once.Stderr + once.Stdout);
        var snapshot = Path.Combine(first, "application-cluster-prod-nightly.yaml");
        Assert.True(File.Exists(snapshot), string.Join(", ", Directory.EnumerateFiles(first).Select(Path.GetFileName)));
        var afterFirst = Directory.EnumerateFiles(first).Where(f => !f.EndsWith("Kptfile", StringComparison.Ordinal)).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var second = KptRender(backup, out var twice, [.. afterFirst.Select(f => (f.Key, f.Value))]);
        Assert.True(twice.ExitCode == 0, twice.Stderr + twice.Stdout);
        var afterSecond = Directory.EnumerateFiles(second).Where(f => !f.EndsWith("Kptfile", StringComparison.Ordinal)).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        foreach (var (name, text) in afterFirst.Where(f => f.Key != "restore.manifestflow.yaml")) // the config is the harness's input
        {
            Assert.Equal((name, text), (name, afterSecond.GetValueOrDefault(name)));
        }
        Assert.Equal(afterFirst.Keys.Order(), afterSecond.Keys.Order());

        var git = TestTemp.Directory("mf-twice");
        File.Copy(Path.Combine(Golden.FixturesRoot, "operations", "restore-from-git-without-status", "deployment.yaml"), Path.Combine(git, "deployment.yaml"));
        string[] restore = ["restore", "--deployment", "orders", "--savepoint-path", "s3://flink-state/orders/savepoints/savepoint-bbbb", "--in-place", "deployment.yaml"];
        Assert.Equal(0, CliRunner.Run(restore, workingDirectory: git).ExitCode);
        var restored = File.ReadAllText(Path.Combine(git, "deployment.yaml"));
        var again = CliRunner.Run(restore, workingDirectory: git);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing to change", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(restored, File.ReadAllText(Path.Combine(git, "deployment.yaml")));
    }

    /// <summary>The app's deployment as exported from a cluster where the job runs (a backup needs a running job).</summary>
    private static string RunningStatus(string deployment)
    {
        var status = deployment.IndexOf("\nstatus:", StringComparison.Ordinal);
        var spec = status < 0 ? deployment : deployment[..(status + 1)];
        return spec.Replace("state: suspended", "state: running", StringComparison.Ordinal) + "status:\n  jobManagerDeploymentStatus: READY\n  jobStatus: {state: RUNNING}\n";
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
