using ManifestFlow.Core.Review;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Review;

/// <summary>Issue 13: paths, names and values are code spans in the review Markdown; $…$ math is escaped in prose.</summary>
public sealed class ReviewMarkdownCodeSpanTests
{
    [Theory]
    [InlineData("savepoint-caf2b2-39d09a1c170c", "`savepoint-caf2b2-39d09a1c170c`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("``x", "``` ``x ```")]
    [InlineData("$x^2$ | y", "`$x^2$ \\| y`")]
    [InlineData("line\nbreak", "`line break`")]
    public void Code_UsesAFenceLongerThanAnyBacktickRun(string value, string expected) =>
        Assert.Equal(expected, MarkdownEncoder.Code(value));

    [Fact]
    public void Escape_EscapesMathDelimiters() =>
        Assert.Equal("\\$x^2\\$", MarkdownEncoder.Escape("$x^2$"));

    [Fact]
    public void Review_WritesHostileValuesAsInertCodeSpans()
    {
        var dir = TestTemp.Directory("mf-review-code");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "head"));
        File.WriteAllText(Path.Combine(dir, "head", "job.yaml"), """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: orders}
            spec:
              flinkVersion: v1_20
              serviceAccount: flink
              flinkConfiguration:
                execution.checkpointing.dir: s3://b/cp
                execution.checkpointing.savepoint-dir: s3://b/sp
                pipeline.name: "$\\sum$ ``` <b>x</b> @team | col"
              job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1, initialSavepointPath: "s3://b/sp/savepoint-caf2b2-39d09a1c170c"}

            """);

        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--fail-on", "none"], workingDirectory: dir);

        Assert.Equal(0, outcome.ExitCode);
        var md = outcome.Stdout;
        Assert.Contains("| `/spec/flinkConfiguration/pipeline.name` | \\(unset\\) | ````$\\sum$ ``` <b>x</b> @team \\| col```` |", md);
        Assert.Contains("`s3://b/sp/savepoint-caf2b2-39d09a1c170c`", md);
        Assert.Contains("- File: `job.yaml`", md);
    }
}
