using System.Text.RegularExpressions;
using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Validation;

/// <summary>
/// In-manifest suppression: <c>manifestflow.io/ignore: "MF1007: single-node test cluster; MF4005: ..."</c>
/// on a resource hides those findings on it. A reason is required; an entry without one suppresses
/// nothing and is itself reported (MF0204), so every exception in a repository says why it exists.
/// </summary>
public static partial class Suppressions
{
    private static readonly JsonPointer Annotation = JsonPointer.Of("metadata", "annotations", Validator.IgnoreAnnotation);

    /// <param name="suppressed">Receives the findings a suppression hides, each with its reason (SARIF records them; review reports those of a suppression the change adds).</param>
    public static IEnumerable<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<FlinkResource> resources, List<SuppressedFinding>? suppressed = null)
    {
        var context = new ValidationContext(resources);
        var ignored = new Dictionary<FlinkResource, Dictionary<string, string>>();
        foreach (var resource in resources)
        {
            if (resource.Annotations?[Validator.IgnoreAnnotation]?.AsText() is not { } text)
            {
                continue;
            }
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var match = Entry().Match(entry);
                if (!match.Success || string.IsNullOrWhiteSpace(match.Groups["reason"].Value))
                {
                    context.Report(RuleCatalog.SuppressionWithoutReason, resource, Annotation,
                        $"'{entry}' does not suppress anything: write it as \"RULE: reason\", for example \"MF1007: single-node test cluster\"");
                    continue;
                }
                // Two entries for one rule: both reasons are kept, neither silently wins.
                var id = match.Groups["id"].Value;
                var reason = match.Groups["reason"].Value.Trim();
                ids[id] = ids.TryGetValue(id, out var earlier) ? $"{earlier}; {reason}" : reason;
            }
            ignored[resource] = ids;
        }
        // By reference: a finding names the very resource it was reported on (one lookup, not a scan per finding).
        var owners = new Dictionary<object, FlinkResource>(ReferenceEqualityComparer.Instance);
        foreach (var resource in resources)
        {
            owners.TryAdd(resource.Ref, resource);
        }
        foreach (var diagnostic in diagnostics)
        {
            var owner = diagnostic.Resource is { } reference && owners.TryGetValue(reference, out var found) ? found : null;
            if (owner is null || !ignored.TryGetValue(owner, out var ids) || !ids.TryGetValue(diagnostic.RuleId, out var reason))
            {
                yield return diagnostic;
            }
            else
            {
                suppressed?.Add(new SuppressedFinding(diagnostic, reason, owner.Document.LocationOf(Annotation)));
            }
        }
        foreach (var diagnostic in context.Diagnostics)
        {
            yield return diagnostic;
        }
    }

    [GeneratedRegex(@"^(?<id>MF\d{4})\s*(:\s*(?<reason>.*))?$")]
    private static partial Regex Entry();
}
