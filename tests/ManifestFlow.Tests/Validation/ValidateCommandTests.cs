using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Validation;

/// <summary>The validate command's contract beyond the golden cases: stdin, summary, usage errors, hostile input.</summary>
public sealed class ValidateCommandTests
{
    private static readonly byte[] Clean = System.Text.Encoding.UTF8.GetBytes(
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: ok}\nspec:\n  flinkVersion: v1_20\n  serviceAccount: flink\n  job: {parallelism: 1}\n");

    [Fact]
    public void Stdin_IsValidated_AndTheSummaryGoesToStderr()
    {
        var outcome = CliRunner.Run(["validate", "-"], Clean);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
        Assert.Equal("manifestflow: 1 file, 1 resource: 0 errors, 0 warnings\n", outcome.StandardError.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPath_ValidatesTheWorkingDirectory()
    {
        var dir = TestTemp.Directory("mf-validate");
        File.WriteAllBytes(Path.Combine(dir, "ok.yaml"), Clean);
        File.WriteAllText(Path.Combine(dir, "bad.yml"), "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: bad}\nspec: {flinkVersion: v1_20, serviceAccount: flink, job: {parallelism: 0}}\n");
        var outcome = CliRunner.Run(["validate"], workingDirectory: dir);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("bad.yml:4:", outcome.Stdout);
        Assert.Contains("MF2007", outcome.Stdout);
        Assert.Contains("2 files, 2 resources: 1 error", outcome.StandardError);
    }

    [Theory]
    [InlineData("--fail-on", "info")]
    [InlineData("--format", "xml")]
    public void BadOptionValues_AreUsageErrors(string option, string value)
    {
        var outcome = CliRunner.Run(["validate", option, value, "-"], Clean);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
    }

    [Theory]
    [InlineData("alias-bomb.yaml", 2)]
    [InlineData("deep-flow-nesting.yaml", 2)]
    [InlineData("garbage.yaml", 2)]
    [InlineData("invalid-utf8.yaml", 2)]
    [InlineData("nul-byte.yaml", 2)]
    [InlineData("tab-indent.yaml", 2)]
    [InlineData("duplicate-keys.yaml", 2)]
    [InlineData("root-shapes.yaml", 1)]
    [InlineData("deep-block-nesting.yaml", 0)]
    [InlineData("long-line.yaml", 0)]
    [InlineData("bom-crlf.yaml", 1)] // no job parallelism: MF2007
    [InlineData("multi-doc-edge.yaml", 0)]
    [InlineData("injection.yaml", 1)] // no job parallelism: MF2007
    [InlineData("anchors-and-merge-keys.yaml", 0)]
    [InlineData("resourcelist-path-traversal.yaml", 0)]
    public void AdversarialInput_GetsItsDocumentedExitCodeWithoutACrash(string name, int exitCode)
    {
        var path = SharedCorpus.Require($"corpus/adversarial/{name}");
        var outcome = CliRunner.Run(["validate", path]);
        Assert.DoesNotContain("internal error", outcome.StandardError);
        Assert.Equal(exitCode, outcome.ExitCode);
        if (exitCode == 2)
        {
            Assert.Matches(@":\d+:\d+: error MF000", outcome.Stdout);
        }
    }

    [Fact]
    public void RootShapes_OnlyTheFlinkDocumentWithoutKindIsReported_OthersAreSkipped_AndTheRestIsChecked()
    {
        var outcome = CliRunner.Run(["validate", "--format", "json", SharedCorpus.Require("corpus/adversarial/root-shapes.yaml")]);
        var json = System.Text.Json.Nodes.JsonNode.Parse(outcome.Stdout)!;
        var ids = json["diagnostics"]!.AsArray().Select(d => (d!["ruleId"]!.ToString(), d["line"]!.GetValue<int>())).ToList();
        Assert.Equal([7], ids.Where(i => i.Item1 == "MF0201").Select(i => i.Item2)); // flink.apache.org without a kind; the list and the scalar are skipped
        Assert.Equal(2, json["summary"]!["skipped"]!["notResources"]!.GetValue<int>());
        Assert.Contains(("MF0202", 15), ids); // spec.job: "a string"
        Assert.Contains(("MF0203", 21), ids); // upgradeMode: savepoints
        Assert.Equal(2, json["summary"]!["resources"]!.GetValue<int>());
    }
}
