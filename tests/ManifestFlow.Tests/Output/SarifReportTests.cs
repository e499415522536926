using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Output;

/// <summary>
/// SARIF that tools take without complaint: the SARIF Multitool's validate (the SARIF 2.1.0 schema and
/// Microsoft's authoring rules) reports no error and no warning on any of our shapes; paths are relative
/// to the repository root; suppressed findings stay, with their reason; turned-off rules are overrides.
/// </summary>
public sealed partial class SarifReportTests
{
    private const string Deployment = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata:
          name: orders
          namespace: streaming
          annotations:
            manifestflow.io/ignore: "MF1003: savepoints nested on purpose, cleanup is manual"
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://state/orders
            execution.checkpointing.savepoint-dir: s3://state/orders/savepoints
            high-availability.type: kubernetes
            high-availability.storageDir: s3://state/orders
          job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1}

        """;

    /// <summary>A repository with .git at its root, the manifest two levels down, the command run from one level down.</summary>
    private static (string Root, string WorkingDirectory) Repository(string fileName = "orders.yaml")
    {
        var root = TestTemp.Directory("mf-sarif");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var work = Path.Combine(root, "deploy");
        Directory.CreateDirectory(Path.Combine(work, "prod"));
        File.WriteAllText(Path.Combine(work, "prod", fileName), Deployment);
        return (root, work);
    }

    private static JsonNode Sarif(string workingDirectory, params string[] args)
    {
        var outcome = CliRunner.Run(["validate", "--format", "sarif", .. args], workingDirectory: workingDirectory);
        Assert.True(outcome.ExitCode is 0 or 1, outcome.StandardError);
        return JsonNode.Parse(outcome.Stdout)!;
    }

    [Fact]
    public void Paths_AreRelativeToTheRepositoryRoot_WithUriBaseId()
    {
        var (root, work) = Repository("orders #1.yaml");
        var run = Sarif(work, "prod")["runs"]![0]!;
        var artifact = run["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal("deploy/prod/orders%20%231.yaml", artifact["uri"]!.GetValue<string>());
        Assert.Equal("SRCROOT", artifact["uriBaseId"]!.GetValue<string>());
        Assert.Equal(new Uri(root + "/").AbsoluteUri, run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public void SuppressedFinding_IsKept_WithItsReasonAndTheAnnotationsLocation()
    {
        var (_, work) = Repository();
        var results = Sarif(work, "prod")["runs"]![0]!["results"]!.AsArray();
        var suppressed = results.Where(r => r!["suppressions"] is not null).ToList();
        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, r => Assert.Equal("MF1003", r!["ruleId"]!.GetValue<string>()));
        var suppression = suppressed[0]!["suppressions"]![0]!;
        Assert.Equal("inSource", suppression["kind"]!.GetValue<string>());
        Assert.Equal("savepoints nested on purpose, cleanup is manual", suppression["justification"]!.GetValue<string>());
        Assert.Equal(7, suppression["location"]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());
        // Unsuppressed findings are still there, without a suppressions entry.
        Assert.Contains(results, r => r!["ruleId"]!.GetValue<string>() == "MF1002" && r["suppressions"] is null);
    }

    [Fact]
    public void DisabledRules_AreConfigurationOverrides_NotResults()
    {
        var (_, work) = Repository();
        var run = Sarif(work, "--disable", "MF1002", "prod")["runs"]![0]!;
        Assert.DoesNotContain(run["results"]!.AsArray(), r => r!["ruleId"]!.GetValue<string>() == "MF1002");
        var overrides = run["invocations"]![0]!["ruleConfigurationOverrides"]!.AsArray();
        var entry = Assert.Single(overrides);
        Assert.Equal("MF1002", entry!["descriptor"]!["id"]!.GetValue<string>());
        Assert.False(entry["configuration"]!["enabled"]!.GetValue<bool>());
        var index = entry["descriptor"]!["index"]!.GetValue<int>();
        Assert.Equal("MF1002", run["tool"]!["driver"]!["rules"]![index]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void EveryRule_HasAHelpUri_ThatNamesItsSectionOfTheRulesDocument()
    {
        var (_, work) = Repository();
        var driver = Sarif(work, "prod")["runs"]![0]!["tool"]!["driver"]!;
        Assert.StartsWith("https://", driver["informationUri"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(driver["version"]!.GetValue<string>()));
        var document = File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "docs", "rules.md"));
        var headings = Heading().Matches(document).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        var rules = driver["rules"]!.AsArray();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        foreach (var rule in rules)
        {
            var uri = new Uri(rule!["helpUri"]!.GetValue<string>());
            Assert.True(uri.IsAbsoluteUri);
            Assert.EndsWith("/docs/rules.md", uri.AbsolutePath);
            Assert.Contains(uri.Fragment.TrimStart('#'), headings);
            Assert.Equal(rule["id"]!.GetValue<string>().ToLowerInvariant(), uri.Fragment.TrimStart('#'));
        }
    }

    public static TheoryData<string> Shapes() => ["repository", "disabled", "only", "stdin", "outside-root", "fixtures", "hostile"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SarifMultitool_ReportsNoErrorAndNoWarning(string shape)
    {
        var multitool = ExternalTool.Require("sarif-multitool");
        var (root, work) = Repository();
        var outcome = shape switch
        {
            "repository" => CliRunner.Run(["validate", "--format", "sarif", "prod"], workingDirectory: work),
            "disabled" => CliRunner.Run(["validate", "--format", "sarif", "--disable", "MF1002,MF1003", "prod"], workingDirectory: work),
            "only" => CliRunner.Run(["validate", "--format", "sarif", "--only", "MF1003", "prod"], workingDirectory: work),
            "stdin" => CliRunner.Run(["validate", "--format", "sarif", "-"], Encoding.UTF8.GetBytes(Deployment), work),
            "outside-root" => CliRunner.Run(["validate", "--format", "sarif", Path.Combine(work, "prod", "orders.yaml")], workingDirectory: TestTemp.Directory("mf-sarif-elsewhere")),
            "fixtures" => CliRunner.Run(["validate", "--format", "sarif", Path.Combine(SharedCorpus.RepositoryRoot, "fixtures", "validate")], workingDirectory: work),
            _ => Hostile(work),
        };
        // The fixtures hold unreadable files on purpose (exit 2); the report is written all the same.
        Assert.True(outcome.ExitCode is 0 or 1 || (shape == "fixtures" && outcome.ExitCode == 2), outcome.StandardError);
        var log = Path.Combine(root, "out.sarif");
        File.WriteAllBytes(log, outcome.StandardOutput);
        var result = ExternalTool.Run(multitool, ["validate", log]);
        var output = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == 0 && output.Contains("Analysis completed successfully", StringComparison.Ordinal), output);
        var complaints = Complaint().Matches(output).Select(m => m.Value).ToList();
        Assert.True(complaints.Count == 0, output);
    }

    private static CliRunner.Outcome Hostile(string work)
    {
        File.WriteAllText(Path.Combine(work, "prod", "evil\u001b[2J%41 name.yaml"), Deployment.Replace("name: orders", "name: \"orders\\u202e\\x1b[31m\"", StringComparison.Ordinal));
        return CliRunner.Run(["validate", "--format", "sarif", "prod"], workingDirectory: work);
    }

    [GeneratedRegex(@"^## ([A-Z]+\d+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>The Multitool's findings, compiler style: <c>file(line,col): error JSON1001: ...</c> or <c>warning SARIF2005: ...</c>.</summary>
    [GeneratedRegex(@"(error|warning) [A-Z]+[0-9]+:")]
    private static partial Regex Complaint();
}
