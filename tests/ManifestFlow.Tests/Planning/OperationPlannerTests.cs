using ManifestFlow.Core.Input;
using ManifestFlow.Core.Operations;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Planning;

public sealed class OperationPlannerTests
{
    private static Validator.Result Validate(params string[] fixtureFiles) =>
        Validator.Validate(fixtureFiles.Select(f =>
        {
            var path = Path.Combine(Golden.FixturesRoot, f);
            return SourceDecoder.Decode(path, File.ReadAllBytes(path), out _)!;
        }).ToList(), ReadLimits.Default);

    [Fact]
    public void Backup_NamesTheSnapshotFromTheGivenTime_ForReproducibleRuns()
    {
        var validation = Validate("operations/backup-snapshot/deployment.yaml");
        var request = new BackupRequest("application-cluster-prod", null) { Now = DateTimeOffset.FromUnixTimeSeconds(1_795_300_445) };
        var plan = OperationPlanner.Plan(request, validation).Plan!;
        Assert.Equal("application-cluster-prod-backup-20261121-223405.yaml", Assert.Single(plan.NewResources).FileName);
    }

    [Fact]
    public void SameNameInTwoNamespaces_AsksForTheNamespace()
    {
        var dir = TestTemp.Directory("mf-ns");
        var text = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "operations", "suspend", "deployment.yaml"));
        File.WriteAllText(Path.Combine(dir, "a.yaml"), text);
        File.WriteAllText(Path.Combine(dir, "b.yaml"), text.Replace("namespace: event-processing", "namespace: staging", StringComparison.Ordinal));
        var ambiguous = CliRunner.Run(["suspend", "--deployment", "application-cluster-prod", dir]);
        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("choose one with --namespace", ambiguous.StandardError);
        var chosen = CliRunner.Run(["suspend", "--deployment", "application-cluster-prod", "--namespace", "staging", dir]);
        Assert.True(chosen.ExitCode == 0, chosen.StandardError);
        Assert.Contains("namespace: staging", chosen.Stdout);
    }

    [Fact]
    public void RestoreWithoutASource_IsRefused()
    {
        var outcome = CliRunner.Run(["restore", "--deployment", "application-cluster-prod", Path.Combine(Golden.FixturesRoot, "demo", "application-cluster-prod.yaml")]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--snapshot NAME|FILE or --savepoint-path URI", outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
    }

    [Fact]
    public void KustomizeWithoutOut_IsAUsageError()
    {
        var outcome = CliRunner.Run(["suspend", "--deployment", "x", "--emit", "kustomize", "-"], []);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--emit kustomize needs --out DIR", outcome.StandardError);
    }
}
