using System.Text.Json.Nodes;
using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Operations;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Schemas;
using ManifestFlow.Core.Settings;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Pipeline;

/// <summary>
/// The one pipeline behind every front end: read (a <see cref="Workspace"/>, each input parsed once) →
/// configure → validate → plan → edit → verify → outcome. The command line, the KRM function, the Argo
/// CD plugin and review call this and only translate their input and output, so a check that matters
/// reaches all of them.
/// </summary>
public static class Session
{
    /// <summary>What a run is asked: flags, config resources from outside the inputs, and at most one command-line operation.</summary>
    public sealed record Request(RunConfiguration Flags)
    {
        /// <summary>Config resources that are not among the inputs: a KRM functionConfig, Argo CD parameters.</summary>
        public IReadOnlyList<FlinkResource> ExtraConfigs { get; init; } = [];

        /// <summary>The operation the command line asks for; null runs the config resources' operations instead.</summary>
        public OperationRequest? Command { get; init; }

        /// <summary>Resources read only for lookups (a --snapshot FILE).</summary>
        public IReadOnlyList<FlinkResource> References { get; init; } = [];

        /// <summary>
        /// Whether config resources among the inputs ask for operations (Argo CD renders a directory's own);
        /// a KRM function acts on its functionConfig alone. FlinkValidate resources among the inputs always count.
        /// </summary>
        public bool OperationsFromInputs { get; init; }

        public ReadLimits Limits { get; init; } = ReadLimits.Default;

        /// <summary>The CRDs resources are checked against: the embedded ones, plus any given with --crd.</summary>
        public SchemaSet Schemas { get; init; } = SchemaSet.Embedded;

        /// <summary>The repository's settings file, when one was found: merged into the flags before anything else.</summary>
        public RepositorySettings? Settings { get; init; }
    }

    private sealed record Configured(RunConfiguration Configuration, IReadOnlyList<ConfigResource> Operations, bool HasValidate, IReadOnlyList<Diagnostic> Errors);

    public static ValidationOutcome Validate(Workspace workspace, Request request)
    {
        var configured = Configure(workspace, request, checkAll: true);
        var config = configured.Configuration;
        var validation = Validator.Validate(workspace.Documents, workspace.ReadErrors, workspace.FileCount, config.Disabled, request.Schemas, config.SkipKinds);
        var diagnostics = validation.Diagnostics.Concat(configured.Errors)
            .Where(d => config.Reports(d, Catalog.IsUnreadableInput(d))).Select(config.Adjust).ToList();
        diagnostics.Sort(Diagnostic.Compare);
        return new ValidationOutcome(diagnostics, validation.Files, validation.Resources, validation.Unreadable, config)
        {
            Parsed = validation.Parsed,
            Suppressed = validation.Suppressed.Where(s => config.Reports(s.Finding, false)).Select(s => s with { Finding = config.Adjust(s.Finding) }).ToList(),
            NotResources = validation.NotResources,
            SkippedKinds = validation.SkippedKinds,
        };
    }

    public static ExecutionOutcome Execute(Workspace workspace, Request request)
    {
        var configured = Configure(workspace, request, checkAll: false);
        var config = configured.Configuration;
        var validation = Validator.Validate(workspace.Documents, workspace.ReadErrors, workspace.FileCount, config.Disabled, request.Schemas, config.SkipKinds);
        var values = workspace.Documents.Select(d => d.Value).ToList();
        if (validation.Unreadable)
        {
            return new ExecutionOutcome([], [], [], values, validation.Diagnostics.Where(Catalog.IsUnreadableInput).ToList(), true, config);
        }
        var findings = new List<Diagnostic>(configured.Errors);
        var requests = request.Command is { } command ? [(command, (ConfigResource?)null)] : configured.Operations.Select(c => (c.Operation!, (ConfigResource?)c)).ToList();
        if (request.Command is null && (configured.Operations.Count == 0 || configured.HasValidate))
        {
            // The declarative front ends gate every render on validation when asked to (or when there is nothing else to do).
            findings.AddRange(validation.Diagnostics.Where(d => config.Reports(d, false)));
        }
        var plans = Plan(requests, validation, request.References, findings);
        var changes = new Dictionary<SourceDocument, JsonNode?>(ReferenceEqualityComparer.Instance);
        foreach (var plan in plans.Where(p => p.Steps.Count > 0))
        {
            changes[plan.Target.Document] = plan.NewValue;
        }
        var edit = workspace.Rewrite(changes, request.Limits);
        findings.AddRange(edit.Errors);
        var created = plans.SelectMany(p => p.NewResources.Select(r => new CreatedResource(r, p.Target))).ToList();
        if (edit.Errors.Count == 0)
        {
            findings.AddRange(Verify(workspace, edit, plans, created, config, request.Schemas));
        }
        foreach (var (old, replacement) in edit.Replacements)
        {
            values[IndexOf(workspace.Documents, old)] = replacement.Value;
        }
        findings.AddRange(plans.SelectMany(p => p.Warnings));
        // Plans were made on the rules' own severities (a lowered error still refuses a change); the
        // overrides change how findings are reported and whether the run fails, never what is refused.
        findings = findings.Select(config.Adjust).ToList();
        findings.Sort(Diagnostic.Compare);
        return new ExecutionOutcome(plans, edit.Files, created, values, findings, false, config);
    }

    /// <summary>
    /// Flags, then every FlinkValidate among the inputs and the extra configs; operations from the rest.
    /// <paramref name="checkAll"/> reads even the operations this run will not perform, to report their errors (validate).
    /// </summary>
    private static Configured Configure(Workspace workspace, Request request, bool checkAll)
    {
        var errors = new List<Diagnostic>();
        var config = request.Settings is { } settings ? request.Flags.With(settings) : request.Flags;
        var operations = new List<ConfigResource>();
        var hasValidate = false;
        var inputs = workspace.Documents.Select(FlinkResource.From).OfType<FlinkResource>().Where(ConfigResource.IsConfigGroup)
            .Where(r => !request.ExtraConfigs.Any(e => SameResource(e.Ref, r.Ref))) // kpt also lists its functionConfig among the items
            .Select(r => (Resource: r, FromInputs: true));
        foreach (var (resource, fromInputs) in inputs.Concat(request.ExtraConfigs.Select(r => (Resource: r, FromInputs: false))))
        {
            var unused = fromInputs && !checkAll && !request.OperationsFromInputs && resource.Ref.Kind != ConfigResource.ValidateKind;
            if (unused || ConfigResource.Read(resource, errors) is not { } read)
            {
                continue; // an operation this run does not perform is checked by validate, not here
            }
            if (read.Operation is null)
            {
                hasValidate = true;
                config = config.With(read);
            }
            else
            {
                operations.Add(read);
            }
        }
        return new Configured(config, operations, hasValidate, errors);
    }

    private static List<Plan> Plan(IReadOnlyList<(OperationRequest Request, ConfigResource? Source)> requests, Validator.Result validation, IReadOnlyList<FlinkResource> references, List<Diagnostic> findings)
    {
        var plans = new List<Plan>();
        var touched = new HashSet<SourceDocument>(ReferenceEqualityComparer.Instance);
        foreach (var (operation, source) in requests)
        {
            var result = OperationPlanner.Plan(operation, validation, references);
            if (result.Plan is not { } plan)
            {
                findings.AddRange(result.Refusals);
                continue;
            }
            if (!touched.Add(plan.Target.Document) && source is not null)
            {
                findings.Add(Catalog.Refusal(source.Source.Document.LocationOf(JsonPointer.Of("spec", "target")),
                    $"{plan.Target.Ref} is already changed by another config resource; give each job one operation", source.Source.Ref) with
                { RuleId = ConfigResource.ErrorId });
                continue;
            }
            plans.Add(plan);
        }
        return plans;
    }

    /// <summary>
    /// The planned result must pass validation: the inputs as edited (the documents the edit's read-back
    /// produced, so nothing is parsed again) plus the new resources, checked as a whole.
    /// </summary>
    private static List<Diagnostic> Verify(Workspace workspace, EditResult edit, List<Plan> plans, List<CreatedResource> created, RunConfiguration config, SchemaSet schemas)
    {
        var refusals = new List<Diagnostic>();
        if (plans.Count == 0)
        {
            return refusals;
        }
        var documents = workspace.Documents.Select(d => edit.Replacements.TryGetValue(d, out var replaced) ? replaced : d).ToList();
        foreach (var resource in created)
        {
            documents.AddRange(YamlStreamReader.Read(new SourceFile(resource.Resource.FileName, resource.Resource.Yaml)).Documents);
        }
        var result = Validator.Validate(documents, [], workspace.FileCount, config.Disabled, schemas, config.SkipKinds);
        foreach (var plan in plans)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error && d.Resource is not null &&
                (SameResource(d.Resource, plan.Target.Ref) || plan.NewResources.Any(r => d.File == r.FileName))).ToList();
            if (errors.Count > 0)
            {
                refusals.Add(Catalog.Refusal(plan.Target.Document.LocationOf(JsonPointer.Root),
                    $"refusing to {plan.Operation} {plan.Target.Ref}: the result would not pass validation", plan.Target.Ref));
                refusals.AddRange(errors);
            }
        }
        return refusals;
    }

    private static bool SameResource(ResourceRef a, ResourceRef b) =>
        a.Kind == b.Kind && a.Name == b.Name && (a.Namespace ?? "") == (b.Namespace ?? "");

    private static int IndexOf(IReadOnlyList<SourceDocument> documents, SourceDocument document)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (ReferenceEquals(documents[i], document))
            {
                return i;
            }
        }
        return -1;
    }
}
