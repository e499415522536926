using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Planning;

namespace ManifestFlow.Core.Pipeline;

/// <summary>A validation run: every reported finding, sorted, and how the run ends.</summary>
public sealed record ValidationOutcome(IReadOnlyList<Diagnostic> Diagnostics, int Files, int Resources, bool Unreadable, RunConfiguration Configuration)
{
    /// <summary>Every resource of the inputs, for front ends that compare trees (review).</summary>
    public IReadOnlyList<FlinkResource> Parsed { get; init; } = [];

    /// <summary>The findings a <c>manifestflow.io/ignore</c> annotation hid, with their reasons (SARIF records them; review reports those a change's new suppression hides).</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Documents that are not Kubernetes resources (another tool's files): skipped, counted in the summary.</summary>
    public int NotResources { get; init; }

    /// <summary>Resources of a skipped kind (--skip-kind, settings skipKinds): not checked, counted.</summary>
    public int SkippedKinds { get; init; }

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public bool Failed => Diagnostics.Any(Configuration.Fails);
}

/// <summary>A resource an operation creates, with the resource it was created for (new files go next to it).</summary>
public sealed record CreatedResource(NewResource Resource, FlinkResource CreatedFor);

/// <summary>
/// What operations did to the inputs: the plans, the edited files (verified), the new resources, the
/// new value of every input document, and every finding. Immutable; front ends only write it out.
/// </summary>
public sealed record ExecutionOutcome(
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<EditedFile> EditedFiles,
    IReadOnlyList<CreatedResource> Created,
    IReadOnlyList<JsonNode?> Values,
    IReadOnlyList<Diagnostic> Findings,
    bool Unreadable,
    RunConfiguration Configuration)
{
    /// <summary>Nothing may be written: input unreadable, an operation refused, or a finding at or above fail-on.</summary>
    public bool Failed => Unreadable || Findings.Any(Configuration.Fails);

    public EditedFile? EditedFileOf(Plan plan) =>
        EditedFiles.FirstOrDefault(f => f.Original.Path == plan.Target.Document.File.Path);
}
