using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>
/// The Kustomize plugins installed by <c>install-kustomize-plugins</c>, run by the real
/// <c>kubectl kustomize --enable-alpha-plugins</c> on the fixtures/gitops/kustomize examples (the ones
/// docs/integrations.md shows), and compared object by object with <c>generate</c> on the same directory.
/// </summary>
public sealed class KustomizePluginTests
{
    private static readonly string Examples = Path.Combine(Golden.FixturesRoot, "gitops", "kustomize");
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "manifestflow.dll");

    private static (int ExitCode, string Stdout, string Stderr) Run(string tool, IEnumerable<string> args, string workingDirectory, params (string, string)[] env)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{tool} did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Installed by the real command in a separate process, so the shims run this build's manifestflow.dll.</summary>
    private static string Install()
    {
        var home = TestTemp.Directory("mf-kustomize-home");
        var installed = Run(ExternalTool.Require("dotnet"), [Dll, "install-kustomize-plugins", home], home);
        Assert.True(installed.ExitCode == 0, installed.Stderr);
        return home;
    }

    private static string CopyExample(string name)
    {
        var dir = TestTemp.Directory("mf-kustomize-" + name);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Examples, name)))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        return dir;
    }

    private static (int ExitCode, string Stdout, string Stderr) KubectlKustomize(string home, string dir) =>
        Run(ExternalTool.Require("kubectl"), ["kustomize", "--enable-alpha-plugins", dir], dir, ("KUSTOMIZE_PLUGIN_HOME", home));

    private static (int ExitCode, string Stdout, string Stderr) Generate(string dir) =>
        Run(ExternalTool.Require("dotnet"), [Dll, "generate", "."], dir);

    /// <summary>The objects of a YAML stream, in a stable order: kustomize sorts by kind, generate keeps file order.</summary>
    private static List<JsonNode> Objects(string stream) =>
        [.. Manifests.Values(Manifests.ReadText(stream)).Select(v => v!)
            .OrderBy(o => o["kind"]?.ToString(), StringComparer.Ordinal)
            .ThenBy(o => o["metadata"]?["namespace"]?.ToString(), StringComparer.Ordinal)
            .ThenBy(o => o["metadata"]?["name"]?.ToString(), StringComparer.Ordinal)];

    private static JsonNode Find(List<JsonNode> objects, string kind, string name) =>
        objects.Single(o => o["kind"]!.ToString() == kind && o["metadata"]!["name"]!.ToString() == name);

    [Theory]
    [InlineData("restore")]
    [InlineData("backup")]
    [InlineData("suspend")]
    public void KubectlKustomize_BuildsTheSameObjectsAsGenerate(string example)
    {
        var home = Install();
        var dir = CopyExample(example);
        var built = KubectlKustomize(home, dir);
        Assert.True(built.ExitCode == 0, built.Stderr);
        var generated = Generate(dir);
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        var fromKustomize = Objects(built.Stdout);
        var fromGenerate = Objects(generated.Stdout);
        Assert.Equal(fromGenerate.Count, fromKustomize.Count);
        for (var i = 0; i < fromGenerate.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(fromGenerate[i], fromKustomize[i]), $"generate:\n{fromGenerate[i].ToJsonString()}\nkubectl kustomize:\n{fromKustomize[i].ToJsonString()}");
        }
        Assert.DoesNotContain("kustomize.config.k8s.io/id", built.Stdout, StringComparison.Ordinal);
        // The plugin really ran: each example's change is in kubectl's output.
        var job = Find(fromKustomize, "FlinkDeployment", "application-cluster-prod")["spec"]!["job"]!;
        switch (example)
        {
            case "restore":
                Assert.Equal("file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c", job["initialSavepointPath"]!.ToString());
                Assert.Equal(1, job["savepointRedeployNonce"]!.GetValue<long>());
                break;
            case "backup":
                var snapshot = Find(fromKustomize, "FlinkStateSnapshot", "application-cluster-prod-backup-20261121");
                Assert.Equal("application-cluster-prod", snapshot["spec"]!["jobReference"]!["name"]!.ToString());
                break;
            default:
                Assert.Equal("suspended", job["state"]!.ToString());
                break;
        }
    }

    [Fact]
    public void KubectlKustomize_FailingValidator_FailsTheBuildWithTheFinding()
    {
        var home = Install();
        var dir = CopyExample("validate-fails");
        var built = KubectlKustomize(home, dir);
        Assert.NotEqual(0, built.ExitCode);
        Assert.Equal("", built.Stdout);
        Assert.Contains("error MF0203: spec.job.upgradeMode 'savepoints' is not a known value", built.Stderr, StringComparison.Ordinal);
        Assert.Contains("[FlinkDeployment event-processing/application-cluster-prod]", built.Stderr, StringComparison.Ordinal);
        var generated = Generate(dir);
        Assert.NotEqual(0, generated.ExitCode);
        Assert.Equal("", generated.Stdout);
        Assert.Contains("error MF0203", generated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void KubectlKustomize_CleanValidator_PrintsNothing_AndKeepsEveryResource()
    {
        var home = Install();
        var dir = CopyExample("validate-fails");
        var deployment = Path.Combine(dir, "application-cluster-prod.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("savepoints   # a typo the operator would reject", "savepoint", StringComparison.Ordinal));
        var built = KubectlKustomize(home, dir);
        Assert.True(built.ExitCode == 0, built.Stderr);
        Assert.Equal(["FlinkDeployment", "PersistentVolumeClaim"], Objects(built.Stdout).Select(o => o["kind"]!.ToString()));
        var direct = CliRunner.Run(["kustomize-plugin", Path.Combine(dir, "validate.manifestflow.yaml")], File.ReadAllBytes(deployment));
        Assert.True(direct.ExitCode == 0, direct.StandardError);
        Assert.Equal("", direct.Stdout); // kustomize rejects a validator that echoes its input (kustomize#5036)
    }

    [Fact]
    public void KubectlKustomize_ValidatorListedAsTransformer_FailsInsteadOfDeletingEveryResource()
    {
        var home = Install();
        var dir = CopyExample("validate-fails");
        var deployment = Path.Combine(dir, "application-cluster-prod.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("savepoints   # a typo the operator would reject", "savepoint", StringComparison.Ordinal));
        var kustomization = Path.Combine(dir, "kustomization.yaml");
        File.WriteAllText(kustomization, File.ReadAllText(kustomization).Replace("validators:", "transformers:", StringComparison.Ordinal));
        var built = KubectlKustomize(home, dir);
        Assert.NotEqual(0, built.ExitCode);
        Assert.Equal("", built.Stdout);
        Assert.Contains("FlinkValidate validate is listed under transformers:; list it under validators:", built.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Transformer_WhenRefused_FailsWithItsReason_AndPrintsNothing()
    {
        var dir = CopyExample("restore");
        var config = Path.Combine(dir, "restore.manifestflow.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("backup-20261120", "backup-19990101", StringComparison.Ordinal));
        var stdin = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(dir, "application-cluster-prod.yaml")));
        var refused = CliRunner.Run(["kustomize-plugin", config], stdin);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.Stdout); // an empty transformer output would delete every resource, so the build must fail instead
        Assert.Contains("no FlinkStateSnapshot application-cluster-prod-backup-19990101", refused.StandardError, StringComparison.Ordinal);
        var notOurs = Path.Combine(dir, "other.yaml");
        File.WriteAllText(notOurs, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        var wrongConfig = CliRunner.Run(["kustomize-plugin", notOurs], stdin);
        Assert.NotEqual(0, wrongConfig.ExitCode);
        Assert.Equal("", wrongConfig.Stdout);
        Assert.Contains("not one ManifestFlow config resource", wrongConfig.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Transformer_EditsOnlyItsLines_AndKeepsKustomizesIdAnnotations()
    {
        var dir = CopyExample("suspend");
        var stream = "apiVersion: flink.apache.org/v1beta1\n" + File.ReadAllText(Path.Combine(dir, "application-cluster-prod.yaml"))
            .Split("apiVersion: flink.apache.org/v1beta1\n", 2)[1]
            .Replace("  namespace: event-processing\n", "  namespace: event-processing\n  annotations:\n    kustomize.config.k8s.io/id: |\n      group: flink.apache.org\n      kind: FlinkDeployment\n      name: application-cluster-prod\n      namespace: event-processing\n      version: v1beta1\n", StringComparison.Ordinal);
        var outcome = CliRunner.Run(["kustomize-plugin", Path.Combine(dir, "suspend.manifestflow.yaml")], Encoding.UTF8.GetBytes(stream));
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(stream.Replace("    state: running\n", "    state: suspended\n", StringComparison.Ordinal), outcome.Stdout);
    }

    [Fact]
    public void Install_LaysOutOneExecutablePerKind_AndRerunningChangesNothing()
    {
        var home = Install();
        string[] kinds = ["FlinkBackup", "FlinkRestore", "FlinkSuspend", "FlinkValidate"];
        var paths = kinds.Select(k => Path.Combine(home, "manifestflow.io", "v1alpha1", k.ToLowerInvariant(), k)).ToList();
        var first = paths.Select(File.ReadAllText).ToList();
        Assert.All(first, text => Assert.Contains($"'{Dll}' kustomize-plugin \"$@\"", text, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var path in paths)
            {
                Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, path);
            }
        }
        var again = Run(ExternalTool.Require("dotnet"), [Dll, "install-kustomize-plugins", home], home);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(first, paths.Select(File.ReadAllText));
        Assert.Equal(paths.Order(StringComparer.Ordinal), Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)); // no temp files left
    }

    [Fact]
    public void Install_WithoutDir_UsesKustomizePluginHome()
    {
        var home = TestTemp.Directory("mf-kustomize-env");
        var installed = Run(ExternalTool.Require("dotnet"), [Dll, "install-kustomize-plugins"], home, ("KUSTOMIZE_PLUGIN_HOME", home));
        Assert.True(installed.ExitCode == 0, installed.Stderr);
        Assert.True(File.Exists(Path.Combine(home, "manifestflow.io", "v1alpha1", "flinkrestore", "FlinkRestore")));
        var xdg = TestTemp.Directory("mf-kustomize-xdg");
        var user = TestTemp.Directory("mf-kustomize-user");
        var byXdg = Run(ExternalTool.Require("dotnet"), [Dll, "install-kustomize-plugins"], xdg, ("KUSTOMIZE_PLUGIN_HOME", ""), ("XDG_CONFIG_HOME", xdg), ("HOME", user));
        Assert.True(byXdg.ExitCode == 0, byXdg.Stderr);
        Assert.True(File.Exists(Path.Combine(xdg, "kustomize", "plugin", "manifestflow.io", "v1alpha1", "flinkbackup", "FlinkBackup")));
    }

    [Fact]
    public void IntegrationsDoc_ShowsTheExamplesThisTestRuns()
    {
        var doc = File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "docs", "integrations.md"));
        foreach (var example in new[] { "restore", "backup", "suspend", "validate-fails" })
        {
            // Every config, and the kustomizations of the restore and the validator (backup and suspend list theirs the same way).
            var shown = Directory.EnumerateFiles(Path.Combine(Examples, example))
                .Where(f => f.EndsWith(".manifestflow.yaml", StringComparison.Ordinal) || (example is "restore" or "validate-fails" && f.EndsWith("kustomization.yaml", StringComparison.Ordinal)));
            foreach (var file in shown)
            {
                Assert.True(doc.Contains(File.ReadAllText(file), StringComparison.Ordinal), $"docs/integrations.md does not show {example}/{Path.GetFileName(file)} as the test runs it");
            }
        }
        Assert.Contains("manifestflow install-kustomize-plugins", doc, StringComparison.Ordinal);
        Assert.Contains("kubectl kustomize --enable-alpha-plugins", doc, StringComparison.Ordinal);
        Assert.Contains("kustomize build --enable-alpha-plugins --enable-exec", doc, StringComparison.Ordinal);
        Assert.True(doc.IndexOf("## kubectl kustomize", StringComparison.Ordinal) is >= 0 and var kubectl && kubectl < doc.IndexOf("## Standalone kustomize", StringComparison.Ordinal), "the kubectl route comes first");
    }
}
