using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Review;

/// <summary>Git revisions read with the git CLI, exactly as docs/review-workflow.md calls the command in CI.</summary>
public sealed class ReviewGitTests
{
    [Fact]
    public void BaseRevisionAgainstTheWorkingTree_ReviewsTheRestore_WithoutTouchingTheCheckout()
    {
        var git = ExternalTool.Require("git");
        var repo = TestTemp.Directory("mf-review-git");
        void Git(params string[] args)
        {
            var r = ExternalTool.Run(git, ["-c", "user.email=ci@example.com", "-c", "user.name=ci", .. args], repo);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
        var fixture = Path.Combine(Golden.FixturesRoot, "review", "ignored-restore");
        Directory.CreateDirectory(Path.Combine(repo, "apps"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixture, "base")))
        {
            File.Copy(file, Path.Combine(repo, "apps", Path.GetFileName(file)));
        }
        Git("init", "-q", "-b", "main");
        Git("add", ".");
        Git("commit", "-q", "-m", "base");
        File.Copy(Path.Combine(fixture, "head", "application-cluster-prod.yaml"), Path.Combine(repo, "apps", "application-cluster-prod.yaml"), overwrite: true);
        var status = ExternalTool.Run(git, ["status", "--porcelain"], repo).Stdout;

        // The workflow's command line: manifestflow review --base "$BASE_SHA" --format markdown
        var outcome = CliRunner.Run(["review", "--base", "main", "--format", "markdown"], workingDirectory: repo);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("MF4004", outcome.Stdout);
        Assert.Contains("`apps/application-cluster-prod.yaml`", outcome.Stdout);
        Assert.Equal(status, ExternalTool.Run(git, ["status", "--porcelain"], repo).Stdout);
        var unknown = CliRunner.Run(["review", "--base", "no-such-ref"], workingDirectory: repo);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("not a directory or a git revision", unknown.StandardError);
    }
}
