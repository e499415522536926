using System.Diagnostics;
using ManifestFlow.Cli;
using ManifestFlow.Cli.Output;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Issue 13, item 19: a user's mistake is exit 2 with a message; only a bug is an internal error, and it
/// exits 70 so CI can tell a crash from findings (exit 1).
/// </summary>
public sealed class ErrorExitCodeTests
{
    private const string Manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n";

    [Fact]
    public void OutNamingAnExistingFile_IsAUsageError_AndTheFileIsKept()
    {
        var (dir, outcome) = GoldenCase.Get("operations/backup-snapshot").Run("--emit", "kustomize", "--out", "deployment.yaml");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--out deployment.yaml is a file", outcome.StandardError);
        Assert.DoesNotContain("internal error", outcome.StandardError);
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenCase.Get("operations/backup-snapshot").Directory, "deployment.yaml")), File.ReadAllText(Path.Combine(dir, "deployment.yaml")));
    }

    [Theory]
    [InlineData("{{ for job in jobs }}unclosed")]
    [InlineData("{{ include 'missing' }}")]
    [InlineData("{{ if }}{{ end }}")]
    public void BrokenTemplate_IsAnInputError(string template)
    {
        var dir = TestTemp.Directory("mf-template");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "head"));
        File.WriteAllText(Path.Combine(dir, "head", "cm.yaml"), Manifest);
        File.WriteAllText(Path.Combine(dir, "t.scriban"), template);

        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--template", "t.scriban"], workingDirectory: dir);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("t.scriban: error MF0006: cannot read input: the template cannot be rendered", outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }

    [Theory]
    [InlineData("ARGOCD_ENV_FAIL_ON", "warnings", "FAIL_ON")]
    [InlineData("ARGOCD_ENV_DISABLE", "MF2001,\"\\", "DISABLE")]
    [InlineData("PARAM_DISABLE", "MF2001]\n  evil: x", "DISABLE")]
    public async Task BadPluginParameter_IsAUsageErrorNamingIt(string variable, string value, string parameter)
    {
        var dir = ToolWrapper.CopyApp("mf-argo-param");
        var info = new ProcessStartInfo(ExternalTool.Require("dotnet")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "manifestflow.dll"));
        info.ArgumentList.Add("generate");
        info.Environment[variable] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("", await stdout);
        var errors = await stderr;
        Assert.Contains($"parameter {parameter}", errors);
        Assert.DoesNotContain("internal error", errors);
    }

    [Fact]
    public void ABug_ExitsWith70_NotWithTheFindingsCode()
    {
        var dir = TestTemp.Directory("mf-crash");
        File.WriteAllText(Path.Combine(dir, "cm.yaml"), Manifest);
        File.WriteAllText(Path.Combine(dir, "p.json"), """[{"op":"replace","path":"/data/a","value":"c"}]""");
        using var stderr = new StringWriter();
        var console = new CliConsole(new ExplodingStream(), stderr, () => Stream.Null, dir);

        var code = CommandLine.Run(["apply", "--patch", "p.json", "cm.yaml"], console);

        Assert.Equal(70, code);
        Assert.Contains("internal error (InvalidOperationException", stderr.ToString());
    }

    /// <summary>Stands in for a bug: any exception the commands do not turn into a diagnostic.</summary>
    private sealed class ExplodingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("boom");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("boom");
    }
}
