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

    /// <summary>
    /// A repository as teams keep it (examples/gitops-repository): kustomization, Helm chart, workflow,
    /// pre-commit configuration and settings file. Both hooks pass on it with every file; with one
    /// misconfigured job added (the golden case's layout) only that job's finding fails the hook.
    /// </summary>
    [Fact]
    public void TryRepo_OnARepositoryAsTeamsKeepIt_PassesEveryFile_AndReportsOnlyTheFlinkFinding()
    {
        var preCommit = ExternalTool.Require("pre-commit");
        var git = ExternalTool.Require("git");
        var work = TestTemp.Directory("mf-precommit-repo");
        Git(git, work, "init", "-q");
        CopyTree(Path.Combine(SharedCorpus.RepositoryRoot, "examples", "gitops-repository"), work);
        Git(git, work, "add", ".");
        foreach (var hook in new[] { "manifestflow-validate", "manifestflow-restore-check" })
        {
            var clean = ExternalTool.Run(preCommit, ["try-repo", SharedCorpus.RepositoryRoot, hook, "--all-files"], work);
            Assert.True(clean.ExitCode == 0, hook + ": " + clean.Stdout + clean.Stderr);
            Assert.Contains("Passed", clean.Stdout);
        }

        File.Copy(Path.Combine(Golden.FixturesRoot, "validate", "gitops-repository", "apps", "orders", "payments.yaml"), Path.Combine(work, "apps", "orders", "payments.yaml"));
        Git(git, work, "add", ".");
        var bad = ExternalTool.Run(preCommit, ["try-repo", SharedCorpus.RepositoryRoot, "manifestflow-validate", "--all-files"], work);
        Assert.True(bad.ExitCode == 1, bad.Stdout + bad.Stderr);
        Assert.Contains("apps/orders/payments.yaml:13:44: error MF1002", bad.Stdout);
        Assert.Single(bad.Stdout.Split('\n'), l => l.Contains(": error MF", StringComparison.Ordinal) || l.Contains(": warning MF", StringComparison.Ordinal));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Git(string git, string dir, params string[] args)
    {
        var result = ExternalTool.Run(git, ["-c", "user.email=ci@example.com", "-c", "user.name=ci", .. args], dir);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }
}
