using System.Text.Json.Nodes;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Operations;

/// <summary>
/// One operation, in one file: its name, its config resource kind and fields, how a config resource
/// binds to its request, and its planning step. The pipeline and every front end go through this.
/// </summary>
public interface IOperation
{
    /// <summary>The command name and the plan's verb: backup, restore, suspend.</summary>
    string Name { get; }

    /// <summary>The manifestflow.io/v1alpha1 kind that asks for it declaratively.</summary>
    string ConfigKind { get; }

    /// <summary>The fields of that kind's spec besides <c>target</c> (the JSON Schema in schemas/ lists the same).</summary>
    IReadOnlyDictionary<string, ConfigField> SpecFields { get; }

    /// <summary>The request a config resource's spec (already checked against <see cref="SpecFields"/>) asks for.</summary>
    OperationRequest Bind(JsonObject spec, string target, string? ns, ConfigOrigin origin);

    /// <summary>Records the plan's steps into <paramref name="plan"/>; returns the method used, or null when refused.</summary>
    string? Plan(PlanBuilder plan, OperationRequest request);
}
