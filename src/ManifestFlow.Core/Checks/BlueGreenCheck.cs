using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// MF2040, MF2041: what the blue/green controller (FlinkBlueGreenDeploymentController and
/// BlueGreenDeploymentService) needs beyond the FlinkDeployment rules, which run on the template
/// through <see cref="BlueGreenTemplate"/>.
/// </summary>
public sealed class BlueGreenCheck : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind == ResourceKind.FlinkBlueGreenDeployment && r.At(BlueGreenTemplate.TemplateSpec) is not JsonObject)
        {
            context.Report(RuleCatalog.BlueGreenTemplate, r, BlueGreenTemplate.TemplateSpec,
                $"FlinkBlueGreenDeployment {r.Name} has no spec.template.spec, so the blue/green controller has no FlinkDeployment to make {r.Name}-blue or {r.Name}-green from; move the FlinkDeployment's spec under spec.template.spec");
            return;
        }
        if (r.BlueGreen is null || r.Text(FlinkResource.JobPointer.Append("upgradeMode")) != "last-state")
        {
            return;
        }
        if (context.ConfigOf(r).GetNonBlank(ConfigKeys.SavepointDir) is null)
        {
            // BlueGreenUtils.isSavepointRequired: every mode but stateless; triggerSavepoint: checkNotNull(SAVEPOINT_DIRECTORY).
            context.Report(RuleCatalog.BlueGreenNeedsSavepointDir, r, FlinkResource.SpecPointer.Append("flinkConfiguration"),
                "upgradeMode is last-state, but the blue/green controller takes a savepoint of the active child before every transition (in any mode but stateless) and no savepoint directory is configured, so every transition fails; set execution.checkpointing.savepoint-dir (or state.savepoints.dir)");
        }
    }
}
