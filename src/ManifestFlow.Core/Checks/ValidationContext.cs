using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Checks;

/// <summary>Everything the checks read — all resources of the input, for cross-references — and where findings go.</summary>
public sealed class ValidationContext(IReadOnlyList<FlinkResource> resources)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<Diagnostic> _reported = [];
    private readonly Dictionary<FlinkResource, FlinkConfiguration> _configurations = new(ReferenceEqualityComparer.Instance);
    private Dictionary<ResourceKey, List<FlinkResource>>? _byNamespace;
    private Dictionary<ResourceKey, FlinkResource>? _byName;
    private readonly Dictionary<ResourceKey, List<FlinkResource>> _mayShare = [];

    public IReadOnlyList<FlinkResource> Resources { get; } = resources;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The resources of a kind in a namespace (indexed once: large repositories have thousands).</summary>
    public IReadOnlyList<FlinkResource> InNamespace(ResourceKind kind, string ns)
    {
        if (_byNamespace is null)
        {
            _byNamespace = [];
            foreach (var r in Resources)
            {
                var key = new ResourceKey(r.Kind, r.Namespace, "");
                if (!_byNamespace.TryGetValue(key, out var list))
                {
                    _byNamespace[key] = list = [];
                }
                list.Add(r);
            }
        }
        return _byNamespace.TryGetValue(new ResourceKey(kind, ns, ""), out var found) ? found : [];
    }

    /// <summary>
    /// The resources of a kind that may end up in namespace <paramref name="ns"/>: a resource without
    /// metadata.namespace lands in whatever namespace it is applied to, so it may meet any namespace, and
    /// one with no namespace may meet every resource. Only this set can prove a reference absent.
    /// </summary>
    public IReadOnlyList<FlinkResource> MayShareNamespace(ResourceKind kind, string ns)
    {
        var key = new ResourceKey(kind, ns, "");
        if (!_mayShare.TryGetValue(key, out var found))
        {
            found = [];
            foreach (var r in Resources)
            {
                if (r.Kind == kind && (ns.Length == 0 || r.Namespace.Length == 0 || r.Namespace == ns))
                {
                    found.Add(r);
                }
            }
            _mayShare[key] = found;
        }
        return found;
    }

    public FlinkResource? Find(ResourceKind kind, string ns, string name)
    {
        if (_byName is null)
        {
            _byName = [];
            foreach (var r in Resources)
            {
                _byName.TryAdd(new ResourceKey(r.Kind, r.Namespace, r.Name), r);
            }
        }
        return _byName.TryGetValue(new ResourceKey(kind, ns, name), out var found) ? found : null;
    }

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
        var diagnostic = At(rule, resource.Document, resource.InDocument(pointer), message + BlueGreenNote(resource), severity) with { Resource = resource.Ref };
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

    /// <summary>
    /// A finding in a blue/green deployment's template says so: the operator does not validate the
    /// template itself, it rejects or runs the child FlinkDeployment it copies the template into.
    /// </summary>
    private static string BlueGreenNote(FlinkResource resource) => resource.BlueGreen switch
    {
        null => "",
        { Name.Length: 0 } => " (in the template of this blue/green deployment, which the operator deploys as NAME-blue and NAME-green)",
        var bg => $" (in the template of blue/green deployment {bg.Name}, which the operator deploys as {bg.Name}-blue and {bg.Name}-green)",
    };

    /// <summary>The rule's operator message, when it mirrors one, then what to do.</summary>
    public static string OperatorSays(Rule rule, string message, string? help = null) =>
        $"{message} (the operator rejects this resource); {help ?? Lower(rule.Help)}";

    private static string Lower(string s) => s.Length > 0 ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
