using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// Everything the checks read — all resources of the input, through one shared <see cref="ResourceIndex"/>
/// for cross-references — and where findings go. One context is used by one thread; several contexts
/// may share an index and check resources in parallel.
/// </summary>
public sealed class ValidationContext(ResourceIndex index)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<Diagnostic> _reported = [];
    private readonly Dictionary<FlinkResource, FlinkConfiguration> _configurations = new(ReferenceEqualityComparer.Instance);

    public ValidationContext(IReadOnlyList<FlinkResource> resources) : this(new ResourceIndex(resources))
    {
    }

    public ResourceIndex Index { get; } = index;

    public IReadOnlyList<FlinkResource> Resources => Index.Resources;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The resources of a kind in a namespace.</summary>
    public IReadOnlyList<FlinkResource> InNamespace(ResourceKind kind, string ns) => Index.InNamespace(kind, ns);

    /// <summary>
    /// The resources of a kind that may end up in namespace <paramref name="ns"/> (see
    /// <see cref="ResourceIndex.MayShareNamespace"/>). Only this set can prove a reference absent.
    /// </summary>
    public IReadOnlyList<FlinkResource> MayShareNamespace(ResourceKind kind, string ns) => Index.MayShareNamespace(kind, ns);

    public FlinkResource? Find(ResourceKind kind, string ns, string name) => Index.Find(kind, ns, name);

    /// <summary>The session cluster a FlinkSessionJob runs on, when the input holds it.</summary>
    public FlinkResource? SessionCluster(FlinkResource job) =>
        job.Spec?["deploymentName"]?.AsText() is { } name ? Find(ResourceKind.FlinkDeployment, job.Namespace, name) : null;

    /// <summary>The effective configuration: a session job's is its cluster's plus its own.</summary>
    public FlinkConfiguration ConfigOf(FlinkResource resource)
    {
        if (!_configurations.TryGetValue(resource, out var config))
        {
            config = resource.Kind == ResourceKind.FlinkSessionJob ? FlinkConfiguration.Of(SessionCluster(resource), resource) : FlinkConfiguration.Of(resource);
            _configurations[resource] = config;
        }
        return config;
    }

    /// <summary>Reports a finding at the node <paramref name="pointer"/> names, or the deepest node on its way (the mapping that should hold a missing key).</summary>
    public void Report(Rule rule, FlinkResource resource, JsonPointer pointer, string message, Severity? severity = null)
    {
        var diagnostic = At(rule, resource.Document, pointer, message, severity) with { Resource = resource.Ref };
        if (_reported.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    public void Report(Rule rule, SourceDocument document, JsonPointer pointer, string message) =>
        _diagnostics.Add(At(rule, document, pointer, message, null));

    private static Diagnostic At(Rule rule, SourceDocument document, JsonPointer pointer, string message, Severity? severity)
    {
        var position = NodeLocator.PositionOf(document, pointer);
        return new Diagnostic(rule.Id, severity ?? rule.Severity, message, document.File.Path, position.Line, position.Column, pointer.ToString());
    }

    /// <summary>The rule's operator message, when it mirrors one, then what to do.</summary>
    public static string OperatorSays(Rule rule, string message, string? help = null) =>
        $"{message} (the operator rejects this resource); {help ?? Lower(rule.Help)}";

    private static string Lower(string s) => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
