using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Output;

/// <summary>Issue 13: values from manifests and file names reach no terminal or annotation raw.</summary>
public sealed class OutputSafetyTests
{
    private const string Hostile = "\\e]0;pwned\\a\\x1b[31m\\u202e\\x9b\\x7f\\n::warning file=x::forged";

    private static string Deployment(string upgradeMode) => $$"""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: hostile}
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://b/cp
            execution.checkpointing.savepoint-dir: s3://b/sp
          job: {jarURI: "local:///x.jar", upgradeMode: "{{upgradeMode}}", parallelism: 1}

        """;

    private static void AssertNoRawControl(string output)
    {
        foreach (var c in output)
        {
            Assert.False(c != '\n' && (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'), $"raw U+{(int)c:X4} in output:\n{output}");
        }
    }

    [Fact]
    public void ValidateTextAndGithub_EscapeControlCharactersAndCannotForgeLines()
    {
        var dir = TestTemp.Directory("mf-output-ctl");
        var name = "evil\n::warning file=y::forged\u001b[2J.yaml";
        File.WriteAllText(Path.Combine(dir, name), Deployment(Hostile));

        var text = CliRunner.Run(["validate", name], workingDirectory: dir);
        Assert.Equal(1, text.ExitCode);
        var output = text.Stdout + text.StandardError;
        AssertNoRawControl(output);
        Assert.Contains("\\u001b", output);
        Assert.Contains("\\u202e", output);
        Assert.Contains("\\u009b", output);
        Assert.Contains("\\u007f", output);
        Assert.DoesNotContain("\n::warning", "\n" + output);

        var github = CliRunner.Run(["validate", "--format", "github", name], workingDirectory: dir);
        var annotations = github.Stdout;
        AssertNoRawControl(annotations);
        var lines = annotations.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.StartsWith("::error ", l));
        Assert.Contains("file=evil%0A%3A%3Awarning file=y%3A%3Aforged\\u001b[2J.yaml,", annotations);
        Assert.Contains("%0A::warning file=x::forged", annotations);
    }

    [Fact]
    public void PlanText_EscapesControlCharactersInValues()
    {
        var dir = TestTemp.Directory("mf-output-plan");
        var manifest = Path.Combine(dir, "m.yaml");
        File.WriteAllText(manifest, Deployment("savepoint"));
        var path = "s3://b/sp/x\u001b]0;pwned\u0007\u001b[31m\u202e\n::warning::forged";

        var outcome = CliRunner.Run(["restore", "--deployment", "hostile", "--savepoint-path", path, manifest], workingDirectory: dir);

        Assert.Equal(0, outcome.ExitCode);
        AssertNoRawControl(outcome.StandardError);
        Assert.Contains("\\u001b]0;pwned\\u0007", outcome.StandardError);
        Assert.DoesNotContain("\n::warning", outcome.StandardError);
    }
}
