using System.Text.RegularExpressions;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Pipeline;

/// <summary>
/// The folders of ManifestFlow.Core depend on each other without cycles, and each says in its README
/// what it is for and what it may depend on. Dependencies are read from the source: using directives
/// and namespace-qualified names.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static string CoreRoot => Path.Combine(SharedCorpus.RepositoryRoot, "src", "ManifestFlow.Core");

    internal static Dictionary<string, SortedSet<string>> Graph()
    {
        var folders = Directory.EnumerateDirectories(CoreRoot).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Select(f => f!).ToHashSet();
        var graph = folders.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(CoreRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in Reference().Matches(File.ReadAllText(file)))
                {
                    var used = m.Groups[1].Value;
                    if (used != folder && folders.Contains(used))
                    {
                        graph[folder].Add(used);
                    }
                }
            }
        }
        return graph;
    }

    [Fact]
    public void CoreFolders_HaveNoDependencyCycle()
    {
        var graph = Graph();
        var state = new Dictionary<string, int>();
        var path = new Stack<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            path.Push(node);
            foreach (var next in graph[node])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return string.Join(" -> ", path.Reverse().SkipWhile(n => n != next).Append(next));
                }
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.Pop();
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                Assert.Fail($"dependency cycle: {cycle}\n{Describe(graph)}");
            }
        }
    }

    [Fact]
    public void Diagnostics_IsALeaf() => Assert.Empty(Graph()["Diagnostics"]);

    [Fact]
    public void EveryCoreFolder_HasAReadmeNamingWhatItMayDependOn()
    {
        foreach (var (folder, uses) in Graph())
        {
            var readme = Path.Combine(CoreRoot, folder, "README.md");
            Assert.True(File.Exists(readme), $"{folder}/README.md is missing");
            var text = File.ReadAllText(readme);
            foreach (var used in uses)
            {
                Assert.True(text.Contains(used, StringComparison.Ordinal), $"{folder} uses {used}, which its README does not allow");
            }
        }
    }

    internal static string Describe(Dictionary<string, SortedSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} -> {string.Join(", ", g.Value)}"));

    [GeneratedRegex(@"\bManifestFlow\.Core\.([A-Z][A-Za-z]*)")]
    private static partial Regex Reference();
}
