using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Planning;

/// <summary>A plan, or why the operation is refused (each reason names the field and what to do).</summary>
public sealed record PlanResult(Plan? Plan, IReadOnlyList<Diagnostic> Refusals)
{
    public static PlanResult Refuse(params Diagnostic[] reasons) => new(null, reasons);
}
