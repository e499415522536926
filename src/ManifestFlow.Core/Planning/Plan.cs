using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Patch;

namespace ManifestFlow.Core.Planning;

/// <summary>
/// What an operation does: edits to the target (as steps with reasons and as one JSON Patch), new
/// resources, the target re-created from scratch (disaster recovery), steps outside Kubernetes (Paimon
/// rollbacks) and warnings. Deterministic: the same inputs give the same plan.
/// </summary>
public sealed record Plan(string Operation, string Method, FlinkResource Target, IReadOnlyList<PlanStep> Steps)
{
    public IReadOnlyList<NewResource> NewResources { get; init; } = [];

    public IReadOnlyList<string> ManualSteps { get; init; } = [];

    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    public JsonPatch Patch => new(Steps.Select(s => s.ToOperation()).ToList());

    /// <summary>The target's value after the plan.</summary>
    public JsonNode? NewValue
    {
        get
        {
            var result = Patch.Apply(Target.DocumentValue);
            return result.Succeeded ? result.Result : throw new InvalidOperationException(result.Error);
        }
    }

    public bool ChangesNothing => Steps.Count == 0 && NewResources.Count == 0;
}
