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

    [Fact]
    public void DirectoryNamedLikeTheBaseRevision_DoesNotReplaceIt()
    {
        var git = ExternalTool.Require("git");
        var repo = TestTemp.Directory("mf-review-shadow");
        string Git(params string[] args)
        {
            var r = ExternalTool.Run(git, ["-c", "user.email=ci@example.com", "-c", "user.name=ci", .. args], repo);
            Assert.True(r.ExitCode == 0, r.Stderr);
            return r.Stdout.Trim();
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
        var sha = Git("rev-parse", "HEAD");
        File.Copy(Path.Combine(fixture, "head", "application-cluster-prod.yaml"), Path.Combine(repo, "apps", "application-cluster-prod.yaml"), overwrite: true);
        // The hostile change: copies of its own manifests under directories named like the base revision.
        foreach (var shadow in new[] { "main", sha, Path.Combine("origin", "main") })
        {
            Directory.CreateDirectory(Path.Combine(repo, shadow, "apps"));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(repo, "apps")))
            {
                File.Copy(file, Path.Combine(repo, shadow, "apps", Path.GetFileName(file)));
            }
        }
        Git("update-ref", "refs/remotes/origin/main", sha);

        foreach (var ambiguous in new[] { "main", "origin/main" })
        {
            var refused = CliRunner.Run(["review", "--base", ambiguous, "--format", "json"], workingDirectory: repo);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("dir:" + ambiguous, refused.StandardError);
            Assert.Contains("full revision", refused.StandardError);
            var head = CliRunner.Run(["review", "--base", sha, "--head", ambiguous, "--format", "json"], workingDirectory: repo);
            Assert.Equal(2, head.ExitCode);
        }
        var full = CliRunner.Run(["review", "--base", sha, "--format", "json"], workingDirectory: repo);
        Assert.Equal(1, full.ExitCode);
        Assert.Contains("MF4004", full.Stdout);
        var asDirectory = CliRunner.Run(["review", "--base", "dir:main/apps", "--head", "dir:apps", "--format", "json"], workingDirectory: repo);
        Assert.Equal(0, asDirectory.ExitCode);
        Assert.DoesNotContain("MF4004", asDirectory.Stdout);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("base")]
    public void UnparsableFileInEitherTree_IsAnInputError_NotARemoval(string broken)
    {
        var dir = TestTemp.Directory("mf-review-unreadable");
        var fixture = Path.Combine(Golden.FixturesRoot, "review", "ignored-restore");
        foreach (var side in new[] { "base", "head" })
        {
            Directory.CreateDirectory(Path.Combine(dir, side));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(fixture, "base")))
            {
                File.Copy(file, Path.Combine(dir, side, Path.GetFileName(file)));
            }
        }
        var target = Path.Combine(dir, broken, "application-cluster-prod.yaml");
        var text = File.ReadAllText(target);
        // A duplicate key (1 and "1" are one key in JSON): kubectl refuses the file.
        File.WriteAllText(target, text.TrimEnd() + "\nextra: {1: a, \"1\": b}\n");
        var line = text.TrimEnd().Split('\n').Length + 1;

        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--format", "json"], workingDirectory: dir);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"application-cluster-prod.yaml:{line}:", outcome.StandardError);
        Assert.DoesNotContain("removed", outcome.Stdout);
    }
}
