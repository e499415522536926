using System.Text.RegularExpressions;
using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Rules;

/// <summary>
/// Every id a user can see is a rule of the catalogue, so SARIF metadata, docs/rules.md and --disable know
/// it: findings take their id from a <see cref="RuleCatalog"/> field, not from a string literal.
/// </summary>
public sealed partial class RuleIdCoverageTests
{
    /// <summary>
    /// Ids still written as bare literals outside src/ManifestFlow.Core/Rules/ ("file: id", the file relative
    /// to src/). The code that holds them is being rewritten to use RuleCatalog fields: remove each entry
    /// when its literal goes, until the list is empty.
    /// </summary>
    /// <summary>Literal ids still waiting to become RuleCatalog references; empty now, and a test keeps it so.</summary>
    private static readonly string[] KnownLiteralsToRemove = [];

    private static string Source => Path.Combine(SharedCorpus.RepositoryRoot, "src");

    [Fact]
    public void RuleIdLiterals_OutsideTheCatalogue_AreOnlyTheKnownOnes()
    {
        var found = SourceFiles()
            .Where(f => !f.Path.StartsWith("ManifestFlow.Core/Rules/", StringComparison.Ordinal))
            .SelectMany(f => BareLiteral().Matches(f.Text).Select(m => $"{f.Path}: {m.Groups["id"].Value}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var unexpected = found.Except(KnownLiteralsToRemove).ToList();
        var removed = KnownLiteralsToRemove.Except(found).ToList();
        Assert.True(unexpected.Count == 0, $"use the RuleCatalog field instead of the literal id:\n{string.Join("\n", unexpected)}");
        Assert.True(removed.Count == 0, $"these literals are gone; remove them from {nameof(KnownLiteralsToRemove)}:\n{string.Join("\n", removed)}");
    }

    [Fact]
    public void EveryIdTheSourceMentions_IsInTheCatalogue()
    {
        var unknown = SourceFiles()
            .SelectMany(f => AnyId().Matches(f.Text).Select(m => (f.Path, Id: m.Value)))
            .Where(x => RuleCatalog.Find(x.Id) is null)
            .Select(x => $"{x.Path}: {x.Id}").Distinct().ToList();
        Assert.True(unknown.Count == 0, $"ids that are not rules of the catalogue:\n{string.Join("\n", unknown)}");
    }

    [Fact]
    public void EveryIdInAnExpectedOutput_IsInTheCatalogue()
    {
        var files = Directory.EnumerateFiles(Golden.FixturesRoot, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith("expected", StringComparison.Ordinal) || Path.GetFileName(f) == "errors.txt")
            .ToList();
        Assert.NotEmpty(files);
        var unknown = files
            .SelectMany(f => AnyId().Matches(File.ReadAllText(f)).Select(m => (Path: Path.GetRelativePath(Golden.FixturesRoot, f), Id: m.Value)))
            .Where(x => RuleCatalog.Find(x.Id) is null)
            .Select(x => $"{x.Path}: {x.Id}").Distinct().ToList();
        Assert.True(unknown.Count == 0, $"ids that are not rules of the catalogue:\n{string.Join("\n", unknown)}");
    }

    /// <summary>The C# sources (paths relative to src/, with '/'), without build output.</summary>
    private static IEnumerable<(string Path, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(Source, f).Replace(Path.DirectorySeparatorChar, '/'), File: f))
            .Where(f => !f.Path.Split('/').Any(part => part is "bin" or "obj"))
            .Select(f => (f.Path, File.ReadAllText(f.File)));

    [GeneratedRegex(@"""(?<id>M[FR]\d{3,4})""")]
    private static partial Regex BareLiteral();

    [GeneratedRegex(@"\bM[FR]\d{3,4}\b")]
    private static partial Regex AnyId();
}
