using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>The apply command's contract: inputs, selection, stdout discipline, in-place writes, exit codes.</summary>
public sealed class ApplyCommandTests
{
    private static string Deployment(string name) =>
        $"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata:\n  name: {name}\nspec:\n  job:\n    upgradeMode: stateless # keep me\n";
    private const string ToSavepoint = """[{"op":"replace","path":"/spec/job/upgradeMode","value":"savepoint"}]""";

    private readonly string _dir = TestTemp.Directory("mf-apply");

    [Fact]
    public void Stdin_IsReadWhenNoFileOrDashIsGiven()
    {
        var input = Encoding.UTF8.GetBytes(Deployment("a"));
        foreach (var args in new[] { new[] { "apply", "--patch", Patch(ToSavepoint) }, ["apply", "--patch", Patch(ToSavepoint), "-"] })
        {
            var outcome = CliRunner.Run(args, input);
            Assert.True(outcome.ExitCode == 0, outcome.StandardError);
            Assert.Contains("upgradeMode: savepoint # keep me", outcome.Stdout);
        }
    }

    [Fact]
    public void Directory_IsReadRecursivelyInSortedOrderAsOneStream()
    {
        Write("b.yaml", "b");
        Write("sub/a.yml", "c");
        Write("a.yaml", "a");
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a manifest");
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), _dir]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var names = Manifests.Values(Manifests.ReadText(outcome.Stdout)).Select(v => v!["metadata"]!["name"]!.ToString()).ToList();
        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal(3, outcome.Stdout.Split("---\n").Length);
    }

    [Fact]
    public void InPlace_RewritesOnlyChangedFilesAndLeavesNoTemporaryFiles()
    {
        var changed = Write("changed.yaml", "a");
        var untouched = Write("other.yaml", "b");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(untouched, stamp);
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), "--select", "FlinkDeployment/a", "--in-place", changed, untouched]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
        Assert.Contains("upgradeMode: savepoint # keep me", File.ReadAllText(changed));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(untouched));
        Assert.Equal(2, Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Length); // no temporary file left
    }

    [Fact]
    public void InPlace_WritesNothingWhenAnyFileFails()
    {
        var good = Write("good.yaml", "a");
        var bad = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(bad, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        var before = File.ReadAllText(good);
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), "--in-place", good, bad]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{bad}:1:1: error MF0102: document 1: operation 0 (replace): path '/spec' does not exist", outcome.StandardError);
        Assert.Equal(before, File.ReadAllText(good));
    }

    [Fact]
    public void InPlace_OnStdin_IsAUsageError()
    {
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), "--in-place", "-"]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--in-place cannot rewrite standard input", outcome.StandardError);
    }

    [Theory]
    [InlineData("--select", "FlinkDeployment", "is not KIND/NAME")]
    [InlineData("--unknown", "x", "--unknown")]
    public void BadArguments_AreUsageErrors(string option, string value, string message)
    {
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), option, value, Write("a.yaml", "a")]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }

    [Fact]
    public void MissingInput_ExitsWith2()
    {
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), Path.Combine(_dir, "nope.yaml")]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("nope.yaml: error MF0006: cannot read input: no such file or directory", outcome.StandardError);
    }

    [Theory]
    [InlineData("""[{"op":"spam","path":"/a"}]""", "operation 0: unknown op 'spam'")]
    [InlineData("""{"op":"add"}""", "must be an array")]
    [InlineData("""[{"op":"add","path":"/a","value":1,"path":"/b"}]""", "duplicate key 'path'")]
    [InlineData("[", "YAML syntax error")]
    public void MalformedPatch_IsBadInput(string patch, string message)
    {
        var outcome = CliRunner.Run(["apply", "--patch", Patch(patch), Write("a.yaml", "a")]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }

    [Fact]
    public void SelectMatchingNothing_FailsWithTheSelector()
    {
        var outcome = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), "--select", "FlinkDeployment/ns/missing", Write("a.yaml", "a")]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no resource in the input matches --select FlinkDeployment/ns/missing", outcome.StandardError);
    }

    [Fact]
    public void Output_IsDeterministic()
    {
        var input = Write("a.yaml", "a");
        var first = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), input]);
        var second = CliRunner.Run(["apply", "--patch", Patch(ToSavepoint), input]);
        Assert.Equal(first.StandardOutput, second.StandardOutput);
    }

    [Fact]
    public void RealProcess_PrintsOnlyTheStreamOnStdout()
    {
        var input = Write("a.yaml", "a");
        var exe = Path.Combine(AppContext.BaseDirectory, "manifestflow.dll");
        var result = ExternalTool.Run(ExternalTool.Require("dotnet"), [exe, "apply", "--patch", Patch(ToSavepoint), input]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(input).Replace("stateless", "savepoint", StringComparison.Ordinal), result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    private string Write(string name, string resourceName)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Deployment(resourceName));
        return path;
    }

    private readonly string _patchDir = TestTemp.Directory("mf-apply-patch");

    private string Patch(string json)
    {
        var path = Path.Combine(_patchDir, "patch.json");
        File.WriteAllText(path, json);
        return path;
    }
}
