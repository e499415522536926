using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Planning;

/// <summary>
/// What every operation's planning step records into: edits of the target (skipping values that are
/// already right), new resources, manual steps, warnings and refusals — each refusal located at the
/// field that prevents the change and saying what to do. Operations never build a Plan themselves.
/// </summary>
public sealed class PlanBuilder
{
    public static readonly JsonPointer Job = FlinkResource.JobPointer;
    public static readonly JsonPointer UpgradeMode = Job.Append("upgradeMode");
    public static readonly JsonPointer State = Job.Append("state");

    private readonly List<Diagnostic> _warnings = [];
    private readonly List<Diagnostic> _refusals = [];
    private readonly List<NewResource> _newResources = [];
    private readonly List<string> _manualSteps = [];

    public PlanBuilder(string operation, FlinkResource target, ValidationContext context)
    {
        Operation = operation;
        Target = target;
        Context = context;
        Steps = new StepBuilder(target);
    }

    public string Operation { get; }

    public FlinkResource Target { get; }

    /// <summary>Every resource of the run, for cross-references (snapshots, session clusters, claims).</summary>
    public ValidationContext Context { get; }

    public StepBuilder Steps { get; }

    public IReadOnlyList<Diagnostic> Refusals => _refusals;

    public FlinkConfiguration Config => Context.ConfigOf(Target);

    public void Refuse(JsonPointer pointer, string message) => RefuseAt(Target, pointer, message);

    /// <summary>A refusal located in another resource (the snapshot that is not completed, for example).</summary>
    public void RefuseAt(FlinkResource resource, JsonPointer pointer, string message) =>
        _refusals.Add(Catalog.Refusal(resource.LocationOf(pointer), message, resource.Ref));

    public void Warn(JsonPointer pointer, string message) =>
        _warnings.Add(Catalog.Refusal(Target.LocationOf(pointer), message, Target.Ref) with { Severity = RuleCatalog.OperationWarning.Severity, RuleId = RuleCatalog.OperationWarning.Id });

    public void Create(NewResource resource) => _newResources.Add(resource);

    public void ManualStep(string step) => _manualSteps.Add(step);

    /// <summary>A savepoint needs a READY JobManager and a RUNNING job.</summary>
    public bool RequireRunning(string doing)
    {
        if (JobReadiness.Blocker(Target) is not var (pointer, problem))
        {
            return true;
        }
        Refuse(pointer, $"cannot {doing}: {problem}; a savepoint can only be taken of a running job — wait until it runs (export the resource again with kubectl get -o yaml), or restore from the last completed savepoint");
        return false;
    }

    public bool RequireSavepointDirectory(string doing)
    {
        if (Config.GetNonBlank(ConfigKeys.SavepointDir) is not null)
        {
            return true;
        }
        Refuse(FlinkResource.SpecPointer.Append("flinkConfiguration"),
            $"cannot {doing}: no savepoint directory is configured, so the savepoint has nowhere to go; set execution.checkpointing.savepoint-dir (or state.savepoints.dir) to a directory on persistent storage");
        return false;
    }

    /// <summary>The plan, or null when anything was refused.</summary>
    public Plan? Build(string method) =>
        _refusals.Count > 0 ? null : new Plan(Operation, method, Target, Steps.Steps)
        {
            NewResources = _newResources,
            ManualSteps = _manualSteps,
            Warnings = _warnings,
        };
}
