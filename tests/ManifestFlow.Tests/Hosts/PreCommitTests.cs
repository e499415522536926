using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>The hooks exactly as users get them: `pre-commit try-repo` on this repository builds and runs the tool.</summary>
public sealed class PreCommitTests
{
    [Fact]
    public void TryRepo_FailsAMisconfiguredManifestWithItsLocation_AndPassesAGoodOne()
    {
        var preCommit = ExternalTool.Require("pre-commit");
        var git = ExternalTool.Require("git");
        var work = TestTemp.Directory("mf-precommit");
        Git(git, work, "init", "-q");
        File.WriteAllText(Path.Combine(work, "good.yaml"), File.ReadAllText(Path.Combine(Golden.FixturesRoot, "demo", "application-cluster-prod.yaml")));
        File.WriteAllText(Path.Combine(work, "bad.yaml"), File.ReadAllText(Path.Combine(Golden.FixturesRoot, "validate", "equal-and-nested-directories", "input.yaml")));
        Git(git, work, "add", ".");

        var bad = ExternalTool.Run(preCommit, ["try-repo", SharedCorpus.RepositoryRoot, "manifestflow-validate", "--files", "bad.yaml", "good.yaml"], work);
        Assert.True(bad.ExitCode == 1, bad.Stdout + bad.Stderr);
        Assert.Contains("bad.yaml:11:35: error MF1002", bad.Stdout);
        Assert.Contains("Failed", bad.Stdout);

        var good = ExternalTool.Run(preCommit, ["try-repo", SharedCorpus.RepositoryRoot, "manifestflow-validate", "--files", "good.yaml"], work);
        Assert.True(good.ExitCode == 0, good.Stdout + good.Stderr);
        Assert.Contains("Passed", good.Stdout);
    }

    private static void Git(string git, string dir, params string[] args)
    {
        var result = ExternalTool.Run(git, ["-c", "user.email=ci@example.com", "-c", "user.name=ci", .. args], dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }
}
