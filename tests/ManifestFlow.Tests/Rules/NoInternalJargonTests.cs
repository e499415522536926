using System.Text.RegularExpressions;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Rules;

/// <summary>
/// Users never saw the team's numbered source documents: help, plans, messages and docs cite the public
/// procedure ("IBM Event Processing: backing up and restoring", "Flink: savepoints") or just say why.
/// </summary>
public sealed partial class NoInternalJargonTests
{
    [Fact]
    public void NothingUsersRead_SaysSeedAndANumber()
    {
        var root = SharedCorpus.RepositoryRoot;
        var places = new[] { "src", "templates", "docs", "schemas", "deploy", "fixtures" }
            .Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(root, "README.md")).Append(Path.Combine(root, ".pre-commit-hooks.yaml"));
        var found = places.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => Jargon().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(found.Count == 0, "internal document numbers in user-facing text:\n" + string.Join("\n", found));
    }

    [GeneratedRegex(@"\bseeds? 0\d\d", RegexOptions.IgnoreCase)]
    private static partial Regex Jargon();
}
