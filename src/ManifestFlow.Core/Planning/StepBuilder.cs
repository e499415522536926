using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Planning;

/// <summary>
/// Collects plan steps against a target, skipping values that are already right (so a second run changes
/// nothing). Paths are the target's; steps record them where they lie in the document (a blue/green
/// deployment's template spec sits under spec.template).
/// </summary>
public sealed class StepBuilder(FlinkResource target)
{
    private readonly List<PlanStep> _steps = [];

    public IReadOnlyList<PlanStep> Steps => _steps;

    public void Set(JsonPointer path, JsonNode? value, string why)
    {
        var existing = target.At(path);
        var exists = Exists(path);
        if (exists && JsonEquality.DeepEquals(existing, value))
        {
            return;
        }
        _steps.Add(new PlanStep(target.InDocument(path), existing?.DeepClone(), value, exists, false, why));
    }

    public void Remove(JsonPointer path, string why)
    {
        if (Exists(path))
        {
            _steps.Add(new PlanStep(target.InDocument(path), target.At(path)?.DeepClone(), null, true, true, why));
        }
    }

    /// <summary>True when the key is present, even with a null value (At cannot tell those apart).</summary>
    private bool Exists(JsonPointer path) =>
        !path.IsRoot && target.At(path.Parent) is JsonObject parent && parent.ContainsKey(path.Last);
}
