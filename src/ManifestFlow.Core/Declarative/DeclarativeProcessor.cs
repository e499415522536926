using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Declarative;

/// <summary>
/// The one processor behind the KRM function and the Argo CD plugin: validates the documents, applies
/// each config resource's operation, and returns the new value of every document, the resources to
/// create, every finding and the plan. The front ends only translate input and output.
/// </summary>
public static class DeclarativeProcessor
{
    public sealed record Outcome(
        IReadOnlyList<JsonNode?> Values,
        IReadOnlyList<(NewResource Resource, FlinkResource CreatedFor)> Created,
        IReadOnlyList<Diagnostic> Findings,
        IReadOnlyList<Plan> Plans,
        bool Failed);

    /// <param name="documents">The manifests.</param>
    /// <param name="configs">The config resources to apply; when empty, the documents are validated.</param>
    public static Outcome Process(IReadOnlyList<SourceDocument> documents, IReadOnlyList<FlinkResource> configs, DateTimeOffset now)
    {
        var findings = new List<Diagnostic>();
        var read = configs.Select(c => ConfigResource.Read(c, now, findings)).ToList();
        var validate = read.Where(c => c?.Kind == "FlinkValidate").ToList();
        var disabled = validate.SelectMany(v => v!.Disabled).ToHashSet(StringComparer.Ordinal);
        var failOn = validate.Any(v => v!.FailOn == Severity.Warning) ? Severity.Warning : Severity.Error;
        var validation = Validator.Validate(documents, [], 1, disabled);
        if (configs.Count == 0 || validate.Count > 0)
        {
            findings.AddRange(validation.Diagnostics);
        }
        var values = documents.Select(d => d.Value).ToList();
        var created = new List<(NewResource, FlinkResource)>();
        var plans = new List<Plan>();
        var touched = new HashSet<SourceDocument>();
        foreach (var config in read.Where(c => c?.Operation is not null))
        {
            var result = OperationPlanner.Plan(config!.Operation!, validation);
            if (result.Plan is not { } plan)
            {
                findings.AddRange(result.Refusals);
                continue;
            }
            if (!touched.Add(plan.Target.Document))
            {
                findings.Add(Catalog.Refusal(config.Source.Document.LocationOf(JsonPointer.Of("spec", "target")),
                    $"{plan.Target.Ref} is already changed by another config resource; give each job one operation", config.Source.Ref) with
                { RuleId = ConfigResource.ErrorId });
                continue;
            }
            values[documents.ToList().IndexOf(plan.Target.Document)] = plan.NewValue;
            created.AddRange(plan.NewResources.Select(r => (r, plan.Target)));
            findings.AddRange(plan.Warnings);
            plans.Add(plan);
        }
        findings.Sort(Diagnostic.Compare);
        var failed = findings.Any(f => f.Severity == Severity.Error || (failOn == Severity.Warning && f.Severity == Severity.Warning));
        return new Outcome(values, created, findings, plans, failed);
    }
}
