using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Concurrency;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Validation;

/// <summary>
/// Reads every input, builds the resource views, runs every check over every resource (a bad document
/// is one finding and the rest is still checked), then applies suppressions and --disable and sorts.
/// </summary>
public static class Validator
{
    public const string IgnoreAnnotation = FlinkResource.IgnoreAnnotation;

    private static readonly IResourceCheck[] Checks =
        [new ShapeCheck(), new DirectoryCheck(), new OperatorCheck(), new SnapshotCheck(), new RestoreCheck(), new ClusterCheck()];

    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, int Files, int Resources, IReadOnlyList<FlinkResource> Parsed)
    {
        /// <summary>Documents that are not Kubernetes resources (another tool's file): not checked, only counted.</summary>
        public int NotResources { get; init; }

        /// <summary>Resources of a kind the run skips (--skip-kind): not checked, only counted.</summary>
        public int SkippedKinds { get; init; }

        public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

        public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

        /// <summary>True when some input could not be read at all (exit code 2).</summary>
        public bool Unreadable => Diagnostics.Any(Catalog.IsUnreadableInput);

        /// <summary>The findings a <c>manifestflow.io/ignore</c> annotation hid.</summary>
        public IReadOnlyList<Diagnostic> Suppressed { get; init; } = [];
    }

    public static Result Validate(IReadOnlyList<SourceFile> files, ReadLimits limits, IReadOnlySet<string>? disabled = null)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = new List<SourceDocument>();
        // Parsing dominates and files are independent: parse in parallel, keep input order.
        foreach (var read in OrderedParallel.Map(files, file => YamlStreamReader.Read(file, limits)))
        {
            diagnostics.AddRange(read.Errors);
            documents.AddRange(read.Documents);
        }
        return Validate(documents, diagnostics, files.Count, disabled);
    }

    /// <summary>Validates documents already read (for example the items of a KRM ResourceList).</summary>
    public static Result Validate(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Diagnostic> readErrors, int fileCount, IReadOnlySet<string>? disabled = null) =>
        Validate(documents, readErrors, fileCount, disabled, skipKinds: null);

    /// <summary>As above; resources whose kind is in <paramref name="skipKinds"/> (--skip-kind) are counted as skipped, not checked.</summary>
    public static Result Validate(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Diagnostic> readErrors, int fileCount, IReadOnlySet<string>? disabled, IReadOnlySet<string>? skipKinds)
    {
        var diagnostics = readErrors.ToList();
        var resources = new List<FlinkResource>();
        var context = new ValidationContext(resources);
        var (notResources, skippedKinds) = (0, 0);
        foreach (var document in documents.Where(d => !d.IsEmpty))
        {
            var resource = FlinkResource.From(document);
            if (resource is { Ref.ApiVersion: not null } && skipKinds?.Contains(resource.Ref.Kind!) == true)
            {
                skippedKinds++;
            }
            else if (resource is { Ref.ApiVersion: not null })
            {
                resources.Add(resource);
            }
            else if (resource is null or { Ref.ApiVersion: null } && NonResources.MeantForFlink(document))
            {
                context.Report(RuleCatalog.NotAResource, document, JsonPointer.Root,
                    $"document {document.Index + 1} is not a Kubernetes resource ({NonResources.Describe(document)}), yet its {NonResources.What(document)} is a Flink or ManifestFlow one; give it both an apiVersion and a kind");
            }
            else
            {
                notResources++; // another tool's file: a kustomization, Helm values or Chart.yaml, a workflow, a patch
            }
        }
        ReportDuplicates(resources, context);
        foreach (var resource in resources.Where(r => r.Kind != ResourceKind.Other))
        {
            foreach (var check in Checks)
            {
                check.Check(resource, context);
            }
        }
        var suppressed = new List<Diagnostic>();
        diagnostics.AddRange(Suppressions.Apply(context.Diagnostics, resources, suppressed));
        // A file that could not be read was not checked at all: disabling that finding would report it clean.
        var kept = diagnostics.Where(d => disabled is null || !disabled.Contains(d.RuleId) || Catalog.IsUnreadableInput(d)).ToList();
        kept.Sort(Diagnostic.Compare);
        return new Result(kept, fileCount, resources.Count, resources) { Suppressed = suppressed.Where(d => disabled is null || !disabled.Contains(d.RuleId)).ToList(), NotResources = notResources, SkippedKinds = skippedKinds };
    }

    /// <summary>
    /// Two copies of one resource (API group, kind, namespace, name): <c>kubectl apply</c> applies the last,
    /// so every copy is reported, each naming where the others are.
    /// </summary>
    private static void ReportDuplicates(List<FlinkResource> resources, ValidationContext context)
    {
        var groups = resources.Where(r => r.Ref.Kind is not null && r.Ref.Name is not null)
            .GroupBy(r => (Group: ApiGroup(r.Ref.ApiVersion), r.Ref.Kind, r.Namespace, r.Name))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var copies = group.ToList();
            var last = copies[^1];
            foreach (var copy in copies)
            {
                var others = string.Join(", ", copies.Where(c => !ReferenceEquals(c, copy)).Select(c => $"{c.Document.File.Path}:{NodeLocator.PositionOf(c.Document, JsonPointer.Root).Line}"));
                var which = ReferenceEquals(copy, last) ? "this last copy is what kubectl apply leaves on the cluster" : $"kubectl apply replaces this copy with the last one ({last.Document.File.Path})";
                context.Report(RuleCatalog.DuplicateResource, copy, JsonPointer.Of("metadata", "name"),
                    $"{copy.Ref.Kind} {(copy.Namespace.Length > 0 ? copy.Namespace + "/" : "")}{copy.Name} is defined {copies.Count} times (also at {others}): {which}; keep one copy");
            }
        }
    }

    private static string ApiGroup(string? apiVersion) =>
        apiVersion is null ? "" : apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
}
