using ManifestFlow.Core.Review;
using ManifestFlow.Tests.Support;
using Scriban.Runtime;

namespace ManifestFlow.Tests.Review;

/// <summary><c>review --template FILE</c> renders a user's Scriban template, in a sandbox.</summary>
public sealed class ReviewTemplateTests
{
    [Fact]
    public void UserTemplate_SeesTheEscapedModel()
    {
        var outcome = Review("{{ for job in jobs }}{{ job.id }}|{{ job.fieldCount }}|{{ job.riskSummary }}\n{{ end }}");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("FlinkDeployment event\\-processing/application\\-cluster\\-prod|3|none\n", outcome.Stdout);
    }

    [Fact]
    public void SyntaxError_IsAnInputError_WithTheTemplatesLine()
    {
        var outcome = Review("line one\n{{ for job in jobs }}never closed\n");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
        Assert.Contains("review.scriban(2,", outcome.StandardError);
    }

    [Fact]
    public void MisspeltVariable_IsAnError_NotAnEmptyCell()
    {
        var outcome = Review("{{ jbos.size }}");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("jbos", outcome.StandardError);
    }

    [Fact]
    public void EndlessLoop_StopsAtTheLoopLimit()
    {
        var outcome = Review("{{ while true }}x{{ end }}");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
    }

    [Fact]
    public void Recursion_StopsAtTheRecursionLimit()
    {
        var result = ReviewTemplate.Render("{{ func f; f; end; f }}", "t", new ScriptObject());
        Assert.Null(result.Output);
        Assert.Contains("recursive", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void HugeOutput_FailsInsteadOfTruncating()
    {
        var result = ReviewTemplate.Render("{{ for i in 1..100000 }}" + new string('x', 200) + "{{ end }}", "t", new ScriptObject());
        Assert.Null(result.Output);
        Assert.Contains("OutputLimit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_CannotReadFiles()
    {
        var result = ReviewTemplate.Render("{{ include '/etc/passwd' }}", "t", new ScriptObject());
        Assert.Null(result.Output);
    }

    private static CliRunner.Outcome Review(string template)
    {
        var golden = GoldenCase.Get("review/correct-restore");
        var dir = TestTemp.Directory("mf-review-template");
        foreach (var input in golden.InputFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, input))!);
            File.Copy(Path.Combine(golden.Directory, input), Path.Combine(dir, input));
        }
        File.WriteAllText(Path.Combine(dir, "review.scriban"), template);
        return CliRunner.Run([.. golden.Arguments, "--template", "review.scriban"], workingDirectory: dir);
    }
}
