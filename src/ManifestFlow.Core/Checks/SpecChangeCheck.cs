using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// The operator's change rules (<see cref="SpecChanges"/>) on a saved manifest: its spec against
/// <c>status.reconciliationStatus.lastReconciledSpec</c>, the spec the operator last acted on (a
/// manifest from Git has no status, so `review` compares it with the base tree instead).
/// </summary>
public sealed class SpecChangeCheck : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind is not (ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob) || ReconciledSpec.LastReconciled(r) is not { } before)
        {
            return;
        }
        var running = r.Text(Json.JsonPointer.Of("status", "jobStatus", "state")) == "RUNNING";
        foreach (var change in SpecChanges.Between(before, r, running))
        {
            context.Report(RuleOf(change.Kind), r, change.Pointer, change.Message + " (compared with status.reconciliationStatus.lastReconciledSpec)");
        }
    }

    public static Rule RuleOf(SpecChangeKind kind) => kind switch
    {
        SpecChangeKind.FlinkVersionAfterLastStateSuspend => RuleCatalog.FlinkVersionAfterLastStateSuspend,
        SpecChangeKind.ClusterModeSwitch => RuleCatalog.ClusterModeSwitch,
        SpecChangeKind.DeploymentNameChanged => RuleCatalog.DeploymentNameChanged,
        SpecChangeKind.UpgradeDropsState => RuleCatalog.UpgradeDropsState,
        SpecChangeKind.DirectoryMoved => RuleCatalog.DirectoryMovedUnderRunningJob,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no rule for this change"),
    };
}
