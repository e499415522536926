using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Review;

/// <summary>fixtures/review/&lt;case&gt;/{base,head}: the Markdown comment, the JSON report and the exit code are golden.</summary>
public sealed class ReviewGoldenTests
{
    public static TheoryData<string> Cases() => [.. Golden.Cases("review")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Review_MatchesGoldenReports(string name)
    {
        var dir = Path.Combine(Golden.FixturesRoot, "review", name);
        var markdown = CliRunner.Run(["review", "--base", "base", "--head", "head"], workingDirectory: dir);
        Golden.AssertBytes(Path.Combine(dir, "expected.md"), markdown.StandardOutput);
        Golden.AssertBytes(Path.Combine(dir, "exit-code.txt"), Encoding.UTF8.GetBytes($"{markdown.ExitCode}\n"));
        var json = CliRunner.Run(["review", "--base", "base", "--head", "head", "--format", "json"], workingDirectory: dir);
        Golden.AssertBytes(Path.Combine(dir, "expected.json"), json.StandardOutput);
        var again = CliRunner.Run(["review", "--base", "base", "--head", "head"], workingDirectory: dir);
        Assert.Equal(markdown.StandardOutput, again.StandardOutput);
    }
}
