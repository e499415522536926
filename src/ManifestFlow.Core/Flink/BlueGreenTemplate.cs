using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// A FlinkBlueGreenDeployment (operator 1.14+) seen through its FlinkDeployment template. The operator's
/// blue/green controller copies <c>spec.template.spec</c> into a child FlinkDeployment named
/// <c>NAME-blue</c> or <c>NAME-green</c> (BlueGreenUtils.prepareFlinkDeployment) and lets the usual
/// FlinkDeployment reconciler and validator run it, so every FlinkDeployment rule applies to the
/// template. The view is a FlinkDeployment whose spec is the template's; pointers into it map back to
/// the document (<see cref="InDocument"/>) so findings point at the template's lines.
/// </summary>
public static class BlueGreenTemplate
{
    public static readonly JsonPointer TemplateSpec = JsonPointer.Of("spec", "template", "spec");
    public static readonly JsonPointer StatePointer = JsonPointer.Of("status", "blueGreenState");

    /// <summary>The template as a FlinkDeployment, or null when the resource has no template spec (MF2040 reports that).</summary>
    public static FlinkResource? Of(FlinkResource blueGreen)
    {
        if (blueGreen.Kind != ResourceKind.FlinkBlueGreenDeployment || blueGreen.At(TemplateSpec) is not JsonObject spec)
        {
            return null;
        }
        var value = new JsonObject
        {
            ["apiVersion"] = blueGreen.Ref.ApiVersion,
            ["kind"] = "FlinkDeployment",
            ["metadata"] = blueGreen.Value["metadata"]?.DeepClone(),
            ["spec"] = spec.DeepClone(),
        };
        if (Status(blueGreen) is { } status)
        {
            value["status"] = status;
        }
        return new FlinkResource(blueGreen.Document, value, blueGreen.Ref, ResourceKind.FlinkDeployment) { BlueGreen = blueGreen };
    }

    /// <summary>
    /// The template view's pointers in the document: its spec is <c>spec.template.spec</c>; its
    /// reconciliation status is the blue/green status's <c>lastReconciledSpec</c>; the rest is shared.
    /// </summary>
    public static JsonPointer InDocument(JsonPointer pointer)
    {
        var segments = pointer.Segments;
        if (segments.Count > 0 && segments[0] == "spec")
        {
            return JsonPointer.Of(["spec", "template", .. segments]);
        }
        if (segments.Count > 1 && segments[0] == "status" && segments[1] == "reconciliationStatus")
        {
            return JsonPointer.Of("status", "lastReconciledSpec");
        }
        return pointer;
    }

    /// <summary>
    /// What the blue/green controller makes of a template change (FlinkBlueGreenDeploymentSpecDiff.compare):
    /// a job state change first, then a new savepointRedeployNonce, then a change its spec diff ignores
    /// (patched into the active child) or one that needs a transition to the other child.
    /// </summary>
    public static string? Change(JsonObject before, JsonObject after)
    {
        static string State(JsonObject spec) => spec["job"]?["state"]?.AsText() ?? "running";
        var (was, now) = (State(before), State(after));
        if (was != now && (now == "suspended" || was == "suspended"))
        {
            return now == "suspended" ? "blue/green in-place suspend of the active child" : "blue/green in-place resume of the suspended child";
        }
        var nonce = after["job"]?["savepointRedeployNonce"];
        if (nonce is not null && !JsonEquality.DeepEquals(nonce, before["job"]?["savepointRedeployNonce"]))
        {
            return "blue/green savepoint redeploy (the other child starts from initialSavepointPath)";
        }
        if (JsonEquality.DeepEquals(before, after))
        {
            return null;
        }
        if (!SpecChanges.Upgrades(before, after))
        {
            return "blue/green patch of the active child (no transition)";
        }
        return (after["job"]?["upgradeMode"]?.AsText() ?? "stateless") == "stateless"
            ? "blue/green transition (the other child starts from empty state: no savepoint in stateless mode)"
            : "blue/green transition (savepoint of the active child, the other child starts from it)";
    }

    /// <summary>The child FlinkDeployment that runs the job now, or null when the status does not say (no status, or a transition).</summary>
    public static string? ActiveChild(FlinkResource blueGreen) => blueGreen.Text(StatePointer) switch
    {
        "ACTIVE_BLUE" => blueGreen.Name + "-blue",
        "ACTIVE_GREEN" => blueGreen.Name + "-green",
        _ => null,
    };

    /// <summary>
    /// What keeps the blue/green deployment from taking a savepoint now: the controller reports RUNNING
    /// only once a child is ACTIVE (BlueGreenDeploymentService, status patch with JobStatus.RUNNING), and
    /// it triggers savepoints only from an ACTIVE state whose child is READY. Null when nothing blocks
    /// (or nothing is known: a manifest from Git has no status).
    /// </summary>
    public static (JsonPointer Pointer, string Problem)? Blocker(FlinkResource blueGreen)
    {
        if (blueGreen.Status is null)
        {
            return null;
        }
        var state = blueGreen.Text(StatePointer);
        if (state is not ("ACTIVE_BLUE" or "ACTIVE_GREEN"))
        {
            return (StatePointer, $"status.blueGreenState is {state ?? "unset"}, not ACTIVE_BLUE or ACTIVE_GREEN (a blue/green transition or first deployment is in progress)");
        }
        var job = blueGreen.Text(JsonPointer.Of("status", "jobStatus", "state"));
        return job == "RUNNING" ? null : (JsonPointer.Of("status", "jobStatus", "state"), $"status.jobStatus.state is {job ?? "unset"}, not RUNNING");
    }

    /// <summary>
    /// The view's status: the job status, and the template of the last reconciled blue/green spec as a
    /// FlinkDeployment's lastReconciledSpec (the controller stores the whole blue/green spec,
    /// BlueGreenUtils.setLastReconciledSpec, and diffs the template: FlinkBlueGreenDeploymentSpecDiff).
    /// </summary>
    private static JsonObject? Status(FlinkResource blueGreen)
    {
        if (blueGreen.Status is not { } status)
        {
            return null;
        }
        var view = new JsonObject();
        if (status["jobStatus"] is JsonObject job)
        {
            view["jobStatus"] = job.DeepClone();
        }
        if (status["lastReconciledSpec"] is JsonValue v && v.TryGetValue<string>(out var text) && TemplateOfReconciled(text) is { } spec)
        {
            view["reconciliationStatus"] = new JsonObject { ["lastReconciledSpec"] = new JsonObject { ["spec"] = spec }.ToJsonString() };
        }
        return view;
    }

    private static JsonNode? TemplateOfReconciled(string text)
    {
        try
        {
            var parsed = JsonNode.Parse(text);
            return ((parsed?["spec"] ?? parsed)?["template"]?["spec"] as JsonObject)?.DeepClone();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
