using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Validation;

namespace ManifestFlow.Core.Planning;

/// <summary>
/// Turns the seeds' backup, restore and suspend procedures into plans, refusing every unsafe one with
/// the field that prevents it and what to do. Works on validated inputs: the target must have no
/// validation errors before, and its planned value must have none after.
/// </summary>
public sealed partial class OperationPlanner
{
    private static readonly JsonPointer Job = FlinkResource.JobPointer;
    private static readonly JsonPointer UpgradeMode = Job.Append("upgradeMode");
    private static readonly JsonPointer State = Job.Append("state");

    private readonly OperationRequest _request;
    private readonly ValidationContext _context;
    private readonly FlinkResource _target;
    private readonly StepBuilder _steps;
    private readonly List<Diagnostic> _warnings = [];
    private readonly List<Diagnostic> _refusals = [];

    private OperationPlanner(OperationRequest request, ValidationContext context, FlinkResource target)
    {
        _request = request;
        _context = context;
        _target = target;
        _steps = new StepBuilder(target);
    }

    /// <param name="validation">The findings of <see cref="Validator"/> on the same inputs.</param>
    public static PlanResult Plan(OperationRequest request, Validator.Result validation, IReadOnlyList<FlinkResource>? extraSnapshots = null)
    {
        var resources = validation.Parsed.Concat(extraSnapshots ?? []).ToList();
        var target = TargetResolver.Find(validation.Parsed, request.Target, request.Namespace, out var error);
        if (target is null)
        {
            return new PlanResult(null, [new Diagnostic(Catalog.OperationRefused, Severity.Error, $"cannot {request.Operation}: {error}", "-")]);
        }
        var errors = validation.Diagnostics.Where(d => d.Severity == Severity.Error && ReferenceEquals(d.Resource, target.Ref)).ToList();
        if (errors.Count > 0)
        {
            var first = Refusal(target, JsonPointer.Root, $"cannot {request.Operation} {target}: it has {errors.Count} validation error(s); fix them first (manifestflow validate lists them)");
            return PlanResult.Refuse([first, .. errors]);
        }
        var planner = new OperationPlanner(request, new ValidationContext(resources), target);
        var method = request.Operation switch
        {
            "backup" => planner.Backup(),
            "restore" => planner.Restore(),
            _ => planner.Suspend(),
        };
        if (planner._refusals.Count > 0 || method is null)
        {
            return new PlanResult(null, planner._refusals);
        }
        return new PlanResult(new Plan(request.Operation, method, target, planner._steps.Steps)
        {
            NewResources = planner._newResources,
            ManualSteps = planner._manualSteps,
            Warnings = planner._warnings,
        }, []);
    }

    private readonly List<NewResource> _newResources = [];
    private readonly List<string> _manualSteps = [];

    private static Diagnostic Refusal(FlinkResource target, JsonPointer pointer, string message) =>
        Catalog.Refusal(target.Document.LocationOf(pointer), message, target.Ref);

    private void Refuse(JsonPointer pointer, string message) => _refusals.Add(Refusal(_target, pointer, message));

    private void Warn(JsonPointer pointer, string message) =>
        _warnings.Add(Refusal(_target, pointer, message) with { Severity = Severity.Warning, RuleId = "MF0302" });

    private FlinkConfiguration Config => _context.ConfigOf(_target);

    /// <summary>Seed 000/001 step 1: a savepoint needs a READY JobManager and a RUNNING job.</summary>
    private bool RequireRunning(string doing)
    {
        if (JobReadiness.Blocker(_target) is not var (pointer, problem))
        {
            return true;
        }
        Refuse(pointer, $"cannot {doing}: {problem}; a savepoint can only be taken of a running job — wait until it runs (export the resource again with kubectl get -o yaml), or restore from the last completed savepoint");
        return false;
    }

    private bool RequireSavepointDirectory(string doing)
    {
        if (Config.GetNonBlank(ConfigKeys.SavepointDir) is not null)
        {
            return true;
        }
        Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
            $"cannot {doing}: no savepoint directory is configured, so the savepoint has nowhere to go; set execution.checkpointing.savepoint-dir (or state.savepoints.dir) to a directory on persistent storage");
        return false;
    }
}
