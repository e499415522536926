using System.Diagnostics;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>`manifestflow generate` run the way the Argo CD plugin server runs it: a separate process in the app directory with its environment.</summary>
public sealed class ArgoCdPluginTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunLikeThePluginServer(string appDir, params (string, string)[] env)
    {
        var info = new ProcessStartInfo(ExternalTool.Require("dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = appDir,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "manifestflow.dll"));
        info.ArgumentList.Add("generate");
        info.ArgumentList.Add(".");
        info.Environment["ARGOCD_APP_NAME"] = "orders";
        info.Environment["ARGOCD_APP_NAMESPACE"] = "argocd";
        info.Environment["ARGOCD_APP_SOURCE_PATH"] = "apps/orders";
        info.Environment["ARGOCD_APP_REVISION"] = "0123456789abcdef";
        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "generate did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Generate_RendersTheRestore_WithoutTheConfigResource()
    {
        var dir = ToolWrapper.CopyApp("mf-argo");
        var (code, stdout, stderr) = RunLikeThePluginServer(dir);
        Assert.True(code == 0, stderr);
        var objects = Manifests.Values(Manifests.ReadText(stdout));
        Assert.Equal(["FlinkDeployment", "FlinkStateSnapshot", "PersistentVolumeClaim"], objects.Select(o => o!["kind"]!.ToString()).Order(StringComparer.Ordinal));
        var deployment = objects.Single(o => o!["kind"]!.ToString() == "FlinkDeployment")!;
        Assert.Equal("file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c", deployment["spec"]!["job"]!["initialSavepointPath"]!.ToString());
        Assert.Equal(1, deployment["spec"]!["job"]!["savepointRedeployNonce"]!.GetValue<long>());
        Assert.Contains("restore FlinkDeployment event-processing/application-cluster-prod", stderr);
    }

    [Fact]
    public void Generate_OnAnyError_PrintsNothingAndExitsNonZero()
    {
        var dir = ToolWrapper.CopyApp("mf-argo-bad");
        var config = Path.Combine(dir, "restore.manifestflow.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("fromSnapshot: application-cluster-prod-backup-20261120", "fromSnapshot: gone", StringComparison.Ordinal));
        var (code, stdout, stderr) = RunLikeThePluginServer(dir);
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout);
        Assert.Contains("no FlinkStateSnapshot gone", stderr);
        Assert.Contains("nothing was generated", stderr);
    }

    [Fact]
    public void Generate_FailOnWarningParameter_GatesTheRender()
    {
        var dir = ToolWrapper.CopyApp("mf-argo-param");
        File.Delete(Path.Combine(dir, "restore.manifestflow.yaml"));
        File.AppendAllText(Path.Combine(dir, "application-cluster-prod-backup.yaml"), "");
        File.WriteAllText(Path.Combine(dir, "application-cluster-prod-backup.yaml"),
            File.ReadAllText(Path.Combine(dir, "application-cluster-prod-backup.yaml")).Replace("    disposeOnDelete: false\n", "", StringComparison.Ordinal));
        var relaxed = RunLikeThePluginServer(dir);
        Assert.True(relaxed.ExitCode == 0, relaxed.Stderr);
        Assert.Contains("MF4002", relaxed.Stderr);
        var strict = RunLikeThePluginServer(dir, ("PARAM_FAIL_ON", "warning"));
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Equal("", strict.Stdout);
        var disabled = RunLikeThePluginServer(dir, ("ARGOCD_ENV_FAIL_ON", "warning"), ("PARAM_DISABLE", "MF4002"));
        Assert.True(disabled.ExitCode == 0, disabled.Stderr);
    }

    /// <summary>An array parameter arrives as PARAM_DISABLE_0, PARAM_DISABLE_1, ... beside the JSON; there is no PARAM_DISABLE.</summary>
    [Fact]
    public void Generate_DisableArray_ReadAsArgoCdPassesIt()
    {
        var dir = WarningOnlyApp();
        const string json = """[{"name":"fail-on","string":"warning"},{"name":"disable","array":["MF2001","MF4002"]}]""";
        var both = RunLikeThePluginServer(dir, ("ARGOCD_APP_PARAMETERS", json), ("PARAM_FAIL_ON", "warning"), ("PARAM_DISABLE_0", "MF2001"), ("PARAM_DISABLE_1", "MF4002"));
        Assert.True(both.ExitCode == 0, both.Stderr);
        Assert.DoesNotContain("MF4002", both.Stderr);
        // An Application that sets no parameters: Argo CD sends the JSON "null" (a nil Go list).
        var none = RunLikeThePluginServer(dir, ("ARGOCD_APP_PARAMETERS", "null"), ("ARGOCD_ENV_FAIL_ON", "warning"), ("ARGOCD_ENV_DISABLE", "MF4002"));
        Assert.True(none.ExitCode == 0, none.Stderr);
        // Only the first item: the warning still gates the render, so the second item above was what turned it off.
        var first = RunLikeThePluginServer(dir, ("PARAM_FAIL_ON", "warning"), ("PARAM_DISABLE_0", "MF2001"));
        Assert.NotEqual(0, first.ExitCode);
        Assert.Contains("MF4002", first.Stderr);
        Assert.Equal("", first.Stdout);
    }

    [Theory]
    [InlineData("""[{"name":"disabel","array":["MF4002"]}]""", "unknown plugin parameter 'disabel'")]
    [InlineData("""[{"name":"dis\u001b[2Jable"}]""", "unknown plugin parameter 'dis\\u001b[2Jable'")]
    [InlineData("""[{"name":"fail-on","array":["warning"]}]""", "parameter fail-on has collection type array; it takes string")]
    [InlineData("""[{"name":"disable","map":{"a":"MF4002"}}]""", "parameter disable has collection type map; it takes array or string")]
    [InlineData("""{"name":"disable"}""", "ARGOCD_APP_PARAMETERS must be a JSON array")]
    [InlineData("""[{"name":""", "ARGOCD_APP_PARAMETERS is not valid JSON")]
    public void Generate_ParameterTheApplicationGotWrong_IsAUsageError(string json, string message)
    {
        var dir = WarningOnlyApp();
        var (code, stdout, stderr) = RunLikeThePluginServer(dir, ("ARGOCD_APP_PARAMETERS", json));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    /// <summary>
    /// deploy/argocd/application.yaml's parameters, turned into the environment the way Argo CD does it
    /// (ApplicationSourcePluginParameters.Environ: the JSON, then PARAM_ + the name upper-cased with other
    /// characters as '_', arrays suffixed _0, _1, ...): with fail-on warning, its disable list is what lets
    /// the warning-only application render.
    /// </summary>
    [Fact]
    public void Generate_WithTheExampleApplicationsParameters_Renders()
    {
        var application = Manifests.Values(Manifests.Read(Path.Combine(SharedCorpus.RepositoryRoot, "deploy", "argocd", "application.yaml"))).Single()!;
        var parameters = application["spec"]!["source"]!["plugin"]!["parameters"]!.AsArray();
        var env = new List<(string, string)> { ("ARGOCD_APP_PARAMETERS", parameters.ToJsonString()) };
        foreach (var parameter in parameters)
        {
            var name = "PARAM_" + new string([.. parameter!["name"]!.ToString().ToUpperInvariant().Select(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) ? c : '_')]);
            if (parameter["string"] is { } text)
            {
                env.Add((name, text.ToString()));
            }
            foreach (var (item, i) in (parameter["array"]?.AsArray() ?? []).Select((item, i) => (item, i)))
            {
                env.Add(($"{name}_{i}", item!.ToString()));
            }
        }
        Assert.Contains(("PARAM_FAIL_ON", "warning"), env);
        var dir = WarningOnlyApp();
        var rendered = RunLikeThePluginServer(dir, [.. env]);
        Assert.True(rendered.ExitCode == 0, rendered.Stderr);
        var withoutDisable = RunLikeThePluginServer(dir, [.. env.Where(e => !e.Item1.StartsWith("PARAM_DISABLE", StringComparison.Ordinal) && e.Item1 != "ARGOCD_APP_PARAMETERS")]);
        Assert.NotEqual(0, withoutDisable.ExitCode);
    }

    /// <summary>An application whose only finding is the warning MF4002 (a snapshot deleted with its resource).</summary>
    private static string WarningOnlyApp()
    {
        var dir = ToolWrapper.CopyApp("mf-argo-param");
        File.Delete(Path.Combine(dir, "restore.manifestflow.yaml"));
        var backup = Path.Combine(dir, "application-cluster-prod-backup.yaml");
        File.WriteAllText(backup, File.ReadAllText(backup).Replace("    disposeOnDelete: false\n", "", StringComparison.Ordinal));
        return dir;
    }

    [Fact]
    public void Generate_RefusesSymlinksLeadingOutsideTheApplication()
    {
        var dir = ToolWrapper.CopyApp("mf-argo-link");
        var outside = Path.Combine(TestTemp.Directory("mf-outside"), "secret.yaml");
        File.WriteAllText(outside, "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");
        File.CreateSymbolicLink(Path.Combine(dir, "link.yaml"), outside);
        var (code, stdout, stderr) = RunLikeThePluginServer(dir);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("link.yaml: error MF0006: cannot read input: a symbolic link leads outside", stderr);
    }
}
