using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Schemas;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// MF0202/MF0203/MF0206/MF0207: the resource against its operator's CRD, as the API server checks
/// it (unknown fields, types, enumerations, served versions), then the few constraints
/// ManifestFlow needs that the CRD leaves open (<see cref="FieldSchema"/>: a <c>flinkConfiguration</c>
/// that is a mapping). One finding per place: a field the CRD reported, or one under it, is not reported
/// again by the hand-written list, and the hand-written list defers to the CRD wherever the CRD declares
/// a type or values (so <c>--crd</c> with a newer operator's CRD also accepts its new values).
/// </summary>
public sealed class SchemaCheck(SchemaSet schemas) : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        var (group, version) = SplitApiVersion(r.Ref.ApiVersion);
        var definitions = r.Ref.Kind is { } kind ? schemas.Find(group, kind) : [];
        var reported = new List<JsonPointer>();
        JsonObject? schema = null;
        if (definitions.Count > 0 && !definitions.Any(d => d.Version(version) is { Served: true }))
        {
            var crd = definitions[0];
            var servedVersions = definitions.SelectMany(d => d.ServedVersions).Distinct().Select(s => $"{group}/{s}");
            context.Report(RuleCatalog.UnservedVersion, r, JsonPointer.Of("apiVersion"),
                $"apiVersion {r.Ref.ApiVersion}: the {crd.Kind} CRD of {string.Join(" and of ", definitions.Select(d => d.Origin))} does not serve version '{version}' (it serves {string.Join(", ", servedVersions)}); the API server answers \"no matches for kind\"");
        }
        else if (definitions.Count > 0)
        {
            // Where two operators define the kind, the resource is read as written for the one it fits best.
            var (crd, served, problems) = definitions.Where(d => d.Version(version) is { Served: true })
                .Select(d => (Crd: d, Served: d.Version(version)!, Problems: CrdDefinition.Validate(r.Value, d.Version(version)!)))
                .MinBy(x => x.Problems.Count);
            schema = served.Schema;
            var newer = NewInNextRelease(r, group, version, problems);
            foreach (var problem in problems)
            {
                Report(r, context, crd, problem, newer.Contains((problem.Kind, problem.Pointer)));
                if (problem.Kind is SchemaProblemKind.WrongType or SchemaProblemKind.NotInEnum)
                {
                    reported.Add(problem.Pointer);
                }
            }
        }
        foreach (var field in FieldSchema.For(r.Kind))
        {
            if (reported.Any(p => field.Pointer.StartsWith(p) || p.StartsWith(field.Pointer)) || (schema is not null && Declares(schema, field.Pointer)))
            {
                continue;
            }
            if (r.At(field.Pointer) is not { } value || !ParentsFit(r, field) || FieldSchema.Mismatch(field, value) is not { } mismatch)
            {
                continue;
            }
            var rule = field.Type == FieldSchema.FieldType.Enum && value.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? RuleCatalog.UnknownValue
                : RuleCatalog.WrongType;
            context.Report(rule, r, field.Pointer, $"{field.Pointer.ToString()[1..].Replace('/', '.')} {mismatch}");
        }
    }

    /// <summary>The problems the operator's development version does not have: fields and values its next release adds.</summary>
    private HashSet<(SchemaProblemKind, JsonPointer)> NewInNextRelease(FlinkResource r, string group, string version, List<SchemaProblem> problems)
    {
        if (problems.Count == 0 || r.Ref.Kind is not { } kind || schemas.Preview(group, kind)?.Version(version) is not { Served: true } next)
        {
            return [];
        }
        var remaining = CrdDefinition.Validate(r.Value, next).Select(p => (p.Kind, p.Pointer)).ToHashSet();
        return problems.Select(p => (p.Kind, p.Pointer)).Where(p => !remaining.Contains(p)).ToHashSet();
    }

    private static void Report(FlinkResource r, ValidationContext context, CrdDefinition crd, SchemaProblem problem, bool newInNextRelease)
    {
        if (newInNextRelease)
        {
            // Not a mistake: written for the next operator release. Worth knowing before applying it to the released one.
            var rule = problem.Kind == SchemaProblemKind.UnknownField ? RuleCatalog.UnknownField : problem.Kind == SchemaProblemKind.NotInEnum ? RuleCatalog.UnknownValue : RuleCatalog.WrongType;
            var what = problem.Kind == SchemaProblemKind.UnknownField ? $"{problem.Message[("unknown field ".Length)..]} is new" : $"{problem.Message}; it is allowed";
            context.Report(rule, r, problem.Pointer,
                $"{what} in {SchemaSet.ApacheOperatorNext}, not in {crd.Origin}, which rejects or drops it; fine with a newer operator (check against its CRDs with --crd DIR)",
                Diagnostics.Severity.Warning, atKey: problem.Kind == SchemaProblemKind.UnknownField);
            return;
        }
        switch (problem.Kind)
        {
            case SchemaProblemKind.UnknownField:
                var suggestion = problem.Suggestion is null ? "" : $" (did you mean '{problem.Suggestion}'?)";
                var where = problem.Pointer.Segments[0] == "metadata" ? "Kubernetes object metadata" : $"the {crd.Kind} CRD of {crd.Origin}";
                context.Report(RuleCatalog.UnknownField, r, problem.Pointer,
                    $"{problem.Message}{suggestion}: not in {where}, so the API server rejects the resource under strict field validation (kubectl's default) or else drops the field silently and it has no effect",
                    atKey: true);
                break;
            case SchemaProblemKind.NotInEnum:
                context.Report(RuleCatalog.UnknownValue, r, problem.Pointer, problem.Message);
                break;
            default:
                context.Report(RuleCatalog.WrongType, r, problem.Pointer, problem.Message);
                break;
        }
    }

    /// <summary>True when the CRD's schema at <paramref name="pointer"/> states a type or values of its own.</summary>
    private static bool Declares(JsonObject schema, JsonPointer pointer)
    {
        JsonObject? at = schema;
        foreach (var segment in pointer.Segments)
        {
            at = at?["properties"]?[segment] as JsonObject ?? at?["additionalProperties"] as JsonObject ?? at?["items"] as JsonObject;
            if (at is null)
            {
                return false;
            }
        }
        return at.ContainsKey("type") || at.ContainsKey("enum") || at.ContainsKey("x-kubernetes-int-or-string");
    }

    private static (string Group, string Version) SplitApiVersion(string? apiVersion)
    {
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return apiVersion is null ? ("?", "") : slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    /// <summary>A field under a parent of the wrong type is not reported again: the parent's finding says it all.</summary>
    private static bool ParentsFit(FlinkResource resource, FieldSchema.Field field)
    {
        for (var parent = field.Pointer.Parent; !parent.IsRoot; parent = parent.Parent)
        {
            if (resource.At(parent) is not JsonObject)
            {
                return false;
            }
        }
        return true;
    }
}
