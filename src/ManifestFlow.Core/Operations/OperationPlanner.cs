using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Validation;

namespace ManifestFlow.Core.Operations;

/// <summary>
/// Plans one request against validated inputs: finds the target, refuses it while it has validation
/// errors, and runs the operation's planning step. The pipeline then edits and checks the result.
/// </summary>
public static class OperationPlanner
{
    public sealed record Result(Plan? Plan, IReadOnlyList<Diagnostic> Refusals);

    /// <param name="validation">The findings of <see cref="Validator"/> on the inputs.</param>
    /// <param name="references">Resources read only for lookups (a --snapshot FILE), neither validated nor edited.</param>
    public static Result Plan(OperationRequest request, Validator.Result validation, IReadOnlyList<FlinkResource>? references = null)
    {
        var operation = request.Operation;
        var target = TargetResolver.Find(validation.Parsed, request.Target, request.Namespace, out var error);
        if (target is null)
        {
            return new Result(null, [new Diagnostic(Catalog.OperationRefused, Severity.Error, $"cannot {operation.Name}: {error}", "-")]);
        }
        var errors = validation.Diagnostics.Where(d => d.Severity == Severity.Error && ReferenceEquals(d.Resource, target.Ref)).ToList();
        if (errors.Count > 0)
        {
            var first = Catalog.Refusal(target.Document.LocationOf(JsonPointer.Root),
                $"cannot {operation.Name} {target}: it has {errors.Count} validation error(s); fix them first (manifestflow validate lists them)", target.Ref);
            return new Result(null, [first, .. errors]);
        }
        var resources = references is { Count: > 0 } ? [.. validation.Parsed, .. references] : validation.Parsed;
        var builder = new PlanBuilder(operation.Name, target, new ValidationContext(resources));
        var method = operation.Plan(builder, request);
        var plan = method is null ? null : builder.Build(method);
        return plan is null ? new Result(null, builder.Refusals) : new Result(plan, []);
    }
}
