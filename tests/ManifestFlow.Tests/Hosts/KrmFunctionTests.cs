using System.Text;
using ManifestFlow.Core.Krm;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>The KRM function in-process, and through the real kpt: eval --exec and a Kptfile pipeline.</summary>
public sealed class KrmFunctionTests
{
    /// <summary>A ResourceList of fixtures/gitops/app files, as kpt sends it.</summary>
    internal static string ResourceList(string functionConfig, params string[] files)
    {
        var b = new StringBuilder("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n");
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "gitops", "app", file));
            var lines = text.Split('\n').Where(l => l.Length > 0).ToList();
            b.Append("- ").Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                b.Append("  ").Append(line).Append('\n');
            }
        }
        b.Append("functionConfig:\n");
        foreach (var line in functionConfig.Split('\n').Where(l => l.Length > 0))
        {
            b.Append("  ").Append(line).Append('\n');
        }
        return b.ToString();
    }

    private static readonly string Restore = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "gitops", "app", "restore.manifestflow.yaml"));

    [Fact]
    public void Restore_EditsOnlyTheTargetItemsLines_AndExitsZero()
    {
        var input = ResourceList(Restore, "application-cluster-prod.yaml", "application-cluster-prod-backup.yaml", "ibm-flink-pvc.yaml");
        var outcome = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(input));
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(3, Core.Diffs.LineDiff.TouchedLines(input, outcome.Stdout));
        Assert.Contains("\n  # with a savepoint; kept in Git", outcome.Stdout);
        Assert.Contains("  image: icr.io/cpopen/ibm-eventprocessing-flink:1.5.0   # pinned", outcome.Stdout);
    }

    [Fact]
    public void FailingRestore_ReportsAnErrorResult_AndExitsOne()
    {
        var input = ResourceList(Restore.Replace("backup-20261120", "backup-19990101", StringComparison.Ordinal), "application-cluster-prod.yaml", "application-cluster-prod-backup.yaml");
        var outcome = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(input));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("results:", outcome.Stdout);
        Assert.Contains("severity: error", outcome.Stdout);
        Assert.Contains("no FlinkStateSnapshot application-cluster-prod-backup-19990101", outcome.Stdout);
        Assert.Contains("ruleId: MF0301", outcome.Stdout);
    }

    [Fact]
    public void ValidateWithoutConfig_ReportsFindingsWithFieldAndPosition()
    {
        var input = ResourceList("apiVersion: manifestflow.io/v1alpha1\nkind: FlinkValidate\nmetadata: {name: v}\nspec: {failOn: warning}", "application-cluster-prod.yaml");
        var outcome = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(input));
        Assert.Equal(0, outcome.ExitCode); // the only finding is an info
        Assert.Contains("ruleId: MF3001", outcome.Stdout);
        Assert.Contains("path: status.jobStatus.state", outcome.Stdout);
    }

    [Fact]
    public void Results_PointAtTheUsersFile_AndCarryNoLineOfTheResourceList()
    {
        var item = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "gitops", "app", "application-cluster-prod.yaml"))
            .Replace("metadata:\n", "metadata:\n  annotations:\n    config.kubernetes.io/path: apps/orders/deployment.yaml\n    config.kubernetes.io/index: '2'\n", StringComparison.Ordinal);
        var input = "apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nfunctionConfig:\n  apiVersion: manifestflow.io/v1alpha1\n  kind: FlinkValidate\n  metadata: {name: v}\n  spec: {failOn: error}\nitems:\n- " +
            string.Join("\n  ", item.TrimEnd('\n').Split('\n')) + "\n";
        Assert.Contains("config.kubernetes.io/path: apps/orders/deployment.yaml", input);
        var outcome = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(input));
        Assert.True(outcome.ExitCode == 0, outcome.StandardError + outcome.Stdout);
        var results = outcome.Stdout[outcome.Stdout.IndexOf("\nresults:", StringComparison.Ordinal)..];
        Assert.Contains("ruleId: MF3001", results);
        Assert.Contains("path: apps/orders/deployment.yaml", results);
        Assert.Contains("index: 2", results);
        Assert.Contains("path: status.jobStatus.state", results);
        Assert.DoesNotContain("line:", results);
        Assert.DoesNotContain("column:", results);
    }

    [Fact]
    public void PathTraversalAnnotations_NeverPlaceANewResourceOutsideThePackage()
    {
        var text = File.ReadAllText(SharedCorpus.Require("corpus/adversarial/resourcelist-path-traversal.yaml"));
        var outcome = CliRunner.Run(["fn"], Encoding.UTF8.GetBytes(text));
        Assert.Equal(1, outcome.ExitCode); // the target is invalid: refused, nothing changed
        Assert.Equal(text.TrimEnd('\n'), outcome.Stdout[..outcome.Stdout.IndexOf("\nresults:", StringComparison.Ordinal)]);
        Assert.False(KrmResourceList.IsConfined("../../../etc/cron.d/evil.yaml"));
        Assert.False(KrmResourceList.IsConfined("/etc/passwd"));
        Assert.False(KrmResourceList.IsConfined("a/../../b.yaml"));
        Assert.True(KrmResourceList.IsConfined("apps/orders/deployment.yaml"));
    }

    [Fact]
    public void KptFnEvalExec_RestoresInPlace_KeepingComments()
    {
        var kpt = ExternalTool.Require("kpt");
        var dir = ToolWrapper.CopyApp("mf-kpt-eval");
        var fn = ToolWrapper.Create(TestTemp.Directory("mf-kpt-bin"), "fn");
        var result = ExternalTool.Run(kpt, ["fn", "eval", dir, "--exec", fn, "--fn-config", Path.Combine(dir, "restore.manifestflow.yaml")], workingDirectory: dir);
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var restored = File.ReadAllText(Path.Combine(dir, "application-cluster-prod.yaml"));
        Assert.Contains("initialSavepointPath: file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c", restored);
        Assert.Contains("savepointRedeployNonce: 1", restored);
        Assert.Contains("# pinned: the savepoint format follows it", restored);
    }

    [Fact]
    public void KptFnRender_WithAFailingRestore_FailsThePipelineAndLeavesFilesUntouched()
    {
        var kpt = ExternalTool.Require("kpt");
        var fn = ToolWrapper.Create(TestTemp.Directory("mf-kpt-bin"), "fn");
        foreach (var (snapshot, shouldPass) in new[] { ("application-cluster-prod-backup-20261120", true), ("missing-snapshot", false) })
        {
            var dir = ToolWrapper.CopyApp("mf-kpt-render");
            File.WriteAllText(Path.Combine(dir, "restore.manifestflow.yaml"), Restore.Replace("application-cluster-prod-backup-20261120", snapshot, StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir, "Kptfile"), $"apiVersion: kpt.dev/v1\nkind: Kptfile\nmetadata:\n  name: app\n  annotations:\n    config.kubernetes.io/local-config: \"true\"\npipeline:\n  mutators:\n    - exec: {fn}\n      configPath: restore.manifestflow.yaml\n");
            var before = Directory.EnumerateFiles(dir).ToDictionary(f => f, File.ReadAllText);
            var result = ExternalTool.Run(kpt, ["fn", "render", dir, "--allow-exec"], workingDirectory: dir);
            var deployment = File.ReadAllText(Path.Combine(dir, "application-cluster-prod.yaml"));
            if (shouldPass)
            {
                Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
                Assert.Contains("savepointRedeployNonce: 1", deployment);
            }
            else
            {
                Assert.NotEqual(0, result.ExitCode);
                Assert.Contains("missing-snapshot", result.Stderr + result.Stdout);
                foreach (var (file, text) in before)
                {
                    Assert.Equal(text, File.ReadAllText(file));
                }
            }
        }
    }
}
