using System.Diagnostics;
using ManifestFlow.Cli.Input;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Yaml;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Input;

/// <summary>
/// Issue 13, input boundaries: links out of the root, link loops, devices and FIFOs, unreadable
/// directories and oversized git blobs, each built fresh in a scratch directory.
/// </summary>
public sealed class InputBoundaryTests
{
    private const string Deployment = "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: NAME}\nspec:\n  flinkVersion: v1_20\n  serviceAccount: flink\n  job: {parallelism: 1}\n";

    private static string App(string name)
    {
        var dir = TestTemp.Directory("mf-input");
        var app = Directory.CreateDirectory(Path.Combine(dir, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "deployment.yaml"), Deployment.Replace("NAME", name, StringComparison.Ordinal));
        return app;
    }

    /// <summary>A directory beside the app holding a resource that must never reach the output.</summary>
    private static string Outside(string app)
    {
        var outside = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(app)!, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.yaml"), "apiVersion: v1\nkind: Secret\nmetadata: {name: stolen}\ndata: {token: c2VjcmV0}\n");
        return outside;
    }

    [Fact]
    public void Generate_DirectoryLinkOutOfTheApp_IsRefusedNamingTheLink()
    {
        var app = App("orders");
        Directory.CreateSymbolicLink(Path.Combine(app, "shared"), Outside(app));

        var outcome = CliRunner.Run(["generate", "."], workingDirectory: app);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
        Assert.Contains("shared", outcome.StandardError);
        Assert.Contains("outside", outcome.StandardError);
        Assert.DoesNotContain("stolen", outcome.StandardError);
    }

    [Fact]
    public void Generate_LinkThroughADotDotAfterALink_IsResolvedLikeTheKernel()
    {
        // "inner/../../outside": lexically inside app, but inner is itself a link two levels down, so the
        // kernel's ".." from there lands in app's parent.
        var app = App("orders");
        Outside(app);
        var deep = Directory.CreateDirectory(Path.Combine(app, "a", "b")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(app, "inner"), deep);
        Directory.CreateSymbolicLink(Path.Combine(app, "sneaky"), "inner/../../../outside");

        var outcome = CliRunner.Run(["generate", "."], workingDirectory: app);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"sneaky: error MF0006: cannot read input: a symbolic link leads outside . (to {Path.Combine(Path.GetDirectoryName(app)!, "outside")})", outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }

    [Fact]
    public void Review_DirectoryLinkOutOfTheWorkingTree_IsRefused()
    {
        var app = App("orders");
        var before = App("orders");
        File.CreateSymbolicLink(Path.Combine(app, "more.yaml"), Path.Combine(Outside(app), "secret.yaml"));

        var outcome = CliRunner.Run(["review", "--base", before], workingDirectory: app);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("more.yaml", outcome.StandardError);
        Assert.Contains("outside", outcome.StandardError);
    }

    [Fact]
    public void Validate_FollowsTheLinkTheUserNamed_ButNotALinkOutOfItFoundWhileRecursing()
    {
        var app = App("orders");
        var named = Path.Combine(Path.GetDirectoryName(app)!, "named");
        Directory.CreateSymbolicLink(named, app);
        Assert.Equal(0, CliRunner.Run(["validate", named]).ExitCode);

        Directory.CreateSymbolicLink(Path.Combine(app, "escape"), Outside(app));
        var outcome = CliRunner.Run(["validate", named]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"{Path.Combine(named, "escape")}: error MF0006: cannot read input: a symbolic link leads outside", outcome.Stdout);
    }

    [Fact]
    public void LinkLoops_AreReadOnce_AndEnd()
    {
        var app = App("orders");
        Directory.CreateSymbolicLink(Path.Combine(app, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(app, "parent-loop"), app);
        var nested = Directory.CreateDirectory(Path.Combine(app, "nested")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(nested, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(app, "ping.yaml"), "pong.yaml");
        File.CreateSymbolicLink(Path.Combine(app, "pong.yaml"), "ping.yaml");
        var watch = Stopwatch.StartNew();

        var loops = CliRunner.Run(["generate", "."], workingDirectory: app);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "a link loop must end");
        Assert.Equal(2, loops.ExitCode); // ping.yaml <-> pong.yaml can never be read
        Assert.Contains("too many levels of symbolic links", loops.StandardError);

        File.Delete(Path.Combine(app, "ping.yaml"));
        File.Delete(Path.Combine(app, "pong.yaml"));
        var outcome = CliRunner.Run(["generate", "."], workingDirectory: app);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Single(Manifests.Values(Manifests.ReadText(outcome.Stdout)));
    }

    [Theory]
    [InlineData("validate", "{0}")]
    [InlineData("apply", "--patch {0} {1}")]
    [InlineData("apply", "--patch {2} {0}")]
    [InlineData("restore", "--deployment orders --snapshot {0} {1}")]
    public void DevZero_IsRefusedAsNotARegularFile_WithoutReadingIt(string command, string arguments)
    {
        var app = App("orders");
        var patch = Path.Combine(app, "patch.json");
        File.WriteAllText(patch, """[{"op":"add","path":"/metadata/labels","value":{"a":"b"}}]""");
        var args = string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, "/dev/zero", Path.Combine(app, "deployment.yaml"), patch).Split(' ');
        var allocated = GC.GetTotalAllocatedBytes(precise: false);

        var outcome = CliRunner.Run([command, .. args]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("/dev/zero: error MF0006: cannot read input: not a regular file", outcome.Stdout + outcome.StandardError);
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - allocated < 64L * 1024 * 1024, "the device was read");
    }

    [Fact]
    public async Task Fifo_IsRefused_InsteadOfBlockingForAWriter()
    {
        var app = App("orders");
        var fifo = Path.Combine(app, "pipe.yaml");
        using (var mkfifo = Process.Start(ExternalTool.Require("mkfifo"), [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var run = Task.Run(() => CliRunner.Run(["validate", app]), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(finished == run, "validate blocked on the FIFO");

        var outcome = await run;
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("pipe.yaml: error MF0006: cannot read input: not a regular file", outcome.Stdout);
    }

    [Fact]
    public void UnlistableSubdirectory_IsAnError_NotASilentGap()
    {
        // The tests run as root, where chmod 000 does not stop opendir(2); a listing function that throws
        // the way .NET does for EACCES exercises the same path. Not as root, the real chmod is tried too.
        var app = App("orders");
        var locked = Directory.CreateDirectory(Path.Combine(app, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "other.yaml"), Deployment.Replace("NAME", "other", StringComparison.Ordinal));
        var reader = new InputReader(ReadLimits.Default, () => Stream.Null)
        {
            Tree = new InputTree(path => path == locked ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : InputTree.List(path)),
        };

        var read = reader.Read([app]);

        var error = Assert.Single(read.Errors);
        Assert.Equal("MF0006", error.RuleId);
        Assert.Contains("locked", error.File);
        Assert.Contains("cannot be listed", error.Message);

        if (!OperatingSystem.IsWindows() && Environment.UserName != "root")
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
            try
            {
                var outcome = CliRunner.Run(["generate", app]);
                Assert.Equal(2, outcome.ExitCode);
                Assert.Empty(outcome.StandardOutput);
            }
            finally
            {
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Fact]
    public void GitBlobOverTheLimit_IsRefusedBeforeItIsRead()
    {
        var repo = TestTemp.Directory("mf-git");
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, "small.yaml"), Deployment.Replace("NAME", "small", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(repo, "big.yaml"), Deployment.Replace("NAME", "big", StringComparison.Ordinal) + new string('#', 4096) + "\n");
        Git(repo, "add", ".");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "x");
        var errors = new List<Diagnostic>();

        var files = GitTree.Read(repo, "HEAD", ReadLimits.Default with { MaxFileBytes = 1024 }, errors);

        Assert.Equal(["small.yaml"], files!.Select(f => f.Path));
        var error = Assert.Single(errors);
        Assert.Equal("MF0004", error.RuleId);
        Assert.Equal("HEAD:big.yaml", error.File);
    }

    private static void Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo(ExternalTool.Require("git")) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
