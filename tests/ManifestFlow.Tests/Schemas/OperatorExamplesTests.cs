using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Schemas;

/// <summary>
/// The operator's own examples and e2e manifests, of the release whose CRDs are embedded, are accepted by
/// the schema check without a single schema finding (read from the operator snapshot when present).
/// </summary>
public sealed class OperatorExamplesTests
{
    private const string Mirror = "/work/.mirror/apache+flink-kubernetes-operator/repo";
    private const string Release = "release-1.15.0";
    private static readonly string[] SchemaRules = ["MF0202", "MF0203", "MF0206", "MF0207"];

    [Fact]
    public void TheReleasesOwnExamples_HaveNoSchemaFindings()
    {
        if (!Directory.Exists(Mirror))
        {
            // A developer's machine holds the snapshot; CI does not, and the corpus tests cover the examples there.
            Assert.Skip("the operator snapshot is not on this machine");
        }
        var files = Git("ls-tree", "-r", "--name-only", Release, "examples", "e2e-tests/data")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) && !p.Contains("kustomize", StringComparison.Ordinal))
            .Select(p => new SourceFile(p, Git("show", $"{Release}:{p}")))
            .ToList();
        Assert.True(files.Count > 20, $"only {files.Count} example files found");
        var findings = Validator.Validate(files, ReadLimits.Default).Diagnostics.Where(d => SchemaRules.Contains(d.RuleId)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static string Git(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--git-dir=" + Mirror);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
