using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Schemas;

/// <summary>
/// The CRDs resources are validated against, by API group and kind: the operators' own, embedded in the
/// tool (so validation works offline and is on by default), plus those a user adds or overrides with
/// <c>--crd DIR</c>. An embedded CRD is parsed on first use and then kept: the FlinkDeployment one is half
/// a megabyte of YAML, and a run that never meets a FlinkCluster never reads that schema.
/// </summary>
public sealed class SchemaSet
{
    public const string ApacheOperator = "Flink Kubernetes Operator 1.15.0";
    public const string GoogleOperator = "GoogleCloudPlatform flink-on-k8s-operator, final commit";
    public const string SpotifyOperator = "Spotify flink-on-k8s-operator v0.6.0";
    public const string ApacheOperatorNext = "the Flink Kubernetes Operator's development version (1.16-SNAPSHOT)";

    private static readonly (string Group, string Kind, string File, string Origin)[] EmbeddedFiles =
    [
        ("flink.apache.org", "FlinkDeployment", "flinkdeployments.flink.apache.org-v1.yml", ApacheOperator),
        ("flink.apache.org", "FlinkSessionJob", "flinksessionjobs.flink.apache.org-v1.yml", ApacheOperator),
        ("flink.apache.org", "FlinkStateSnapshot", "flinkstatesnapshots.flink.apache.org-v1.yml", ApacheOperator),
        ("flink.apache.org", "FlinkBlueGreenDeployment", "flinkbluegreendeployments.flink.apache.org-v1.yml", ApacheOperator),
        // Two operators serve FlinkCluster: the original (deprecated) and Spotify's maintained fork, which adds fields.
        ("flinkoperator.k8s.io", "FlinkCluster", "flinkoperator.k8s.io_flinkclusters.yaml", GoogleOperator),
        ("flinkoperator.k8s.io", "FlinkCluster", "spotify.flinkoperator.k8s.io_flinkclusters.yaml", SpotifyOperator),
    ];

    /// <summary>
    /// The operator's unreleased CRDs: a field or value only they declare is new in the next release (a
    /// warning: fine with that operator, rejected by the released one), not a mistake (an error).
    /// </summary>
    private static readonly (string Group, string Kind, string File)[] PreviewFiles =
    [
        ("flink.apache.org", "FlinkDeployment", "main/flinkdeployments.flink.apache.org-v1.yml"),
        ("flink.apache.org", "FlinkSessionJob", "main/flinksessionjobs.flink.apache.org-v1.yml"),
        ("flink.apache.org", "FlinkStateSnapshot", "main/flinkstatesnapshots.flink.apache.org-v1.yml"),
        ("flink.apache.org", "FlinkBlueGreenDeployment", "main/flinkbluegreendeployments.flink.apache.org-v1.yml"),
    ];

    private readonly Dictionary<(string Group, string Kind), Lazy<CrdDefinition>[]> _byKind;
    private readonly Dictionary<(string Group, string Kind), Lazy<CrdDefinition>> _previews;

    private SchemaSet(Dictionary<(string Group, string Kind), Lazy<CrdDefinition>[]> byKind, Dictionary<(string Group, string Kind), Lazy<CrdDefinition>> previews)
    {
        _byKind = byKind;
        _previews = previews;
    }

    /// <summary>The embedded CRDs alone; one instance per process, so each is parsed at most once.</summary>
    public static SchemaSet Embedded { get; } = new(EmbeddedFiles.GroupBy(e => (e.Group, e.Kind)).ToDictionary(
        g => g.Key,
        g => g.Select(e => new Lazy<CrdDefinition>(() => ReadEmbedded(e.File, e.Origin), LazyThreadSafetyMode.ExecutionAndPublication)).ToArray()),
        PreviewFiles.ToDictionary(e => (e.Group, e.Kind), e => new Lazy<CrdDefinition>(() => ReadEmbedded(e.File, ApacheOperatorNext), LazyThreadSafetyMode.ExecutionAndPublication)));

    /// <summary>The embedded resource names, for the tests that check each parses and names its kind.</summary>
    public static IEnumerable<(string Group, string Kind, string File)> EmbeddedKinds => [.. EmbeddedFiles.Select(e => (e.Group, e.Kind, e.File)), .. PreviewFiles];

    /// <summary>The unreleased definition of a kind, when one is embedded and --crd did not replace the kind.</summary>
    public CrdDefinition? Preview(string group, string kind) => _previews.TryGetValue((group, kind), out var found) ? found.Value : null;

    /// <summary>
    /// The definitions of a kind: none for a kind without a CRD here, more than one where several operators
    /// define it (a resource fits when it fits one of them).
    /// </summary>
    public IReadOnlyList<CrdDefinition> Find(string group, string kind) =>
        _byKind.TryGetValue((group, kind), out var found) ? [.. found.Select(d => d.Value)] : [];

    /// <summary>This set with <paramref name="definitions"/> added; they replace every definition of their group and kind.</summary>
    public SchemaSet With(IEnumerable<CrdDefinition> definitions)
    {
        var byKind = new Dictionary<(string Group, string Kind), Lazy<CrdDefinition>[]>(_byKind);
        var previews = new Dictionary<(string Group, string Kind), Lazy<CrdDefinition>>(_previews);
        foreach (var group in definitions.GroupBy(d => (d.Group, d.Kind)))
        {
            byKind[group.Key] = [.. group.Select(d => new Lazy<CrdDefinition>(d))];
            previews.Remove(group.Key);
        }
        return new SchemaSet(byKind, previews);
    }

    /// <summary>The outcome of reading --crd files: the definitions, or why a file cannot be used ("path:line:column: message").</summary>
    public sealed record LoadResult(IReadOnlyList<CrdDefinition> Definitions, IReadOnlyList<string> Errors);

    /// <summary>
    /// Reads CRDs from files (every non-empty document must be a CustomResourceDefinition: a directory
    /// given as --crd holding something else is a mistake worth stopping for, not something to skip).
    /// </summary>
    public static LoadResult Load(IReadOnlyList<SourceFile> files, ReadLimits limits)
    {
        var definitions = new List<CrdDefinition>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            var read = YamlStreamReader.Read(file, limits);
            errors.AddRange(read.Errors.Select(e => e.ToString()));
            foreach (var document in read.Documents.Where(d => !d.IsEmpty))
            {
                var position = NodeLocator.PositionOf(document, null);
                var where = $"{TerminalText.Escape(file.Path)}:{position.Line}:{position.Column}";
                if (document.Value is not JsonObject crd)
                {
                    errors.Add($"{where}: not a CustomResourceDefinition (not a mapping)");
                }
                else if (CrdDefinition.From(crd, file.Path, out var error) is { } definition)
                {
                    definitions.Add(definition);
                }
                else
                {
                    errors.Add($"{where}: {error}");
                }
            }
        }
        return new LoadResult(definitions, errors);
    }

    /// <summary>An embedded CRD: its compact JSON form (<see cref="CrdCompaction"/>), read without the YAML reader.</summary>
    private static CrdDefinition ReadEmbedded(string file, string origin)
    {
        using var stream = typeof(SchemaSet).Assembly.GetManifestResourceStream("crds/" + file + ".json")
            ?? throw new InvalidOperationException($"embedded CRD {file} is missing from the build");
        return (JsonNode.Parse(stream) is JsonObject crd ? CrdDefinition.From(crd, origin, out _) : null)
            ?? throw new InvalidOperationException($"embedded CRD {file} cannot be read");
    }
}
