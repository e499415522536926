using System.Text.RegularExpressions;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Rules;

/// <summary>
/// The examples of every rule that `validate` on a manifest cannot show, run through the real command line
/// the way docs/rules.md prints them: the bad one reports the rule with its severity (and fails the command
/// when that is an error), the good one does not report it and succeeds.
/// </summary>
public sealed partial class RuleCommandExampleTests
{
    public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Where(r => r.Example is not null).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BadExample_ReportsTheRuleWithItsSeverity(string id)
    {
        var rule = RuleCatalog.Get(id);
        var outcome = Run(rule, rule.Bad);
        var expected = (id, rule.Severity.ToString().ToLowerInvariant());
        Assert.True(Findings(outcome).Contains(expected), $"{id} was not reported as {expected.Item2} on its bad example; output:\n{outcome.Stdout}\n{outcome.StandardError}");
        if (rule.Severity == Severity.Error)
        {
            Assert.NotEqual(0, outcome.ExitCode);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void GoodExample_DoesNotReportTheRule_AndSucceeds(string id)
    {
        var rule = RuleCatalog.Get(id);
        var outcome = Run(rule, rule.Good);
        Assert.DoesNotContain(Findings(outcome), f => f.Id == id);
        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode} on the good example of {id}:\n{outcome.StandardError}");
    }

    /// <summary>Writes the files and the example into a fresh directory and runs the command there.</summary>
    private static CliRunner.Outcome Run(Rule rule, string text)
    {
        var example = rule.Example!;
        var directory = TestTemp.Directory(rule.Id + "-");
        IEnumerable<(string Path, string Text)> files = example.ExampleFile is { } file ? [.. example.Files, (file, text)] : example.Files;
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content + "\n");
        }
        // `apply` opens --patch from the process's directory rather than the command's, so an in-process
        // run names every written file by its full path; paths that were not written stay as typed.
        var written = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var args = example.Arguments(text).Select(a => written.Contains(a) ? Path.Combine(directory, a) : a).ToArray();
        return CliRunner.Run(args, workingDirectory: directory);
    }

    /// <summary>Rule ids with severities, from compiler-style lines (stderr, stdout) and review JSON risks.</summary>
    private static HashSet<(string Id, string Severity)> Findings(CliRunner.Outcome outcome)
    {
        var text = outcome.Stdout + "\n" + outcome.StandardError;
        return [.. Line().Matches(text).Concat(Risk().Matches(text)).Select(m => (m.Groups["id"].Value, m.Groups["severity"].Value))];
    }

    [GeneratedRegex(@"\b(?<severity>error|warning|info) (?<id>M[FR]\d{3,4}): ")]
    private static partial Regex Line();

    [GeneratedRegex(@"""id"": ""(?<id>M[FR]\d{3,4})"",\s*""severity"": ""(?<severity>\w+)""")]
    private static partial Regex Risk();
}
