using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Validation;

/// <summary>validate --disable and --only take any catalogue id, and neither hides a file that could not be read.</summary>
public sealed class RuleSelectionTests
{
    private const string EqualDirectories =
        "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: orders}\nspec:\n  flinkVersion: v1_20\n  serviceAccount: flink\n" +
        "  flinkConfiguration: {execution.checkpointing.dir: s3://b/orders, execution.checkpointing.savepoint-dir: s3://b/orders}\n  job: {parallelism: 1, upgradeMode: savepoint}\n";

    private const string DuplicateKey = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, name: b}\n";

    private static CliRunner.Outcome Validate(params string[] options)
    {
        var dir = TestTemp.Directory("mf-select");
        File.WriteAllText(Path.Combine(dir, "directories.yaml"), EqualDirectories);
        File.WriteAllText(Path.Combine(dir, "duplicate.yaml"), DuplicateKey);
        return CliRunner.Run(["validate", .. options, "."], workingDirectory: dir);
    }

    [Fact]
    public void WithoutSelection_BothFilesHaveAFinding()
    {
        var outcome = Validate();
        Assert.Contains("error MF0003:", outcome.Stdout);
        Assert.Contains("error MF1002:", outcome.Stdout);
    }

    [Fact]
    public void DisablingAReadingRule_StillReportsTheUnreadableFile_WithExitCode2()
    {
        var outcome = Validate("--disable", "MF0003,MF1002");
        Assert.Contains("error MF0003:", outcome.Stdout);
        Assert.DoesNotContain("MF1002", outcome.Stdout);
        Assert.Equal(2, outcome.ExitCode);
    }

    [Fact]
    public void OnlyAReadingRule_ReportsJustThatRule()
    {
        var outcome = Validate("--only", "MF0003");
        Assert.Contains("error MF0003:", outcome.Stdout);
        Assert.DoesNotContain("MF1002", outcome.Stdout);
        Assert.Equal(2, outcome.ExitCode);
    }

    [Fact]
    public void OnlyARuleOfAnotherCommand_IsAccepted_AndLeavesOnlyUnreadableInput()
    {
        var outcome = Validate("--only", "MR002", "--disable", "MF0301");
        Assert.Equal("./duplicate.yaml:3:21: error MF0003: duplicate key 'name' (first at line 3); the API server would silently keep the last one, so remove one of them\n", outcome.Stdout);
        Assert.Equal(2, outcome.ExitCode);
    }
}
