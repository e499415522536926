using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Concurrency;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Schemas;
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
        [new DirectoryCheck(), new OperatorCheck(), new SnapshotCheck(), new RestoreCheck(), new ClusterCheck(), new BlueGreenCheck(), new SpecChangeCheck(), new SharedStorageCheck()];

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
        public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];
    }

    public static Result Validate(IReadOnlyList<SourceFile> files, ReadLimits limits, IReadOnlySet<string>? disabled = null, SchemaSet? schemas = null)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = new List<SourceDocument>();
        // Parsing dominates and files are independent: parse in parallel, keep input order.
        foreach (var read in OrderedParallel.Map(files, file => YamlStreamReader.Read(file, limits)))
        {
            diagnostics.AddRange(read.Errors);
            documents.AddRange(read.Documents);
        }
        return Validate(documents, diagnostics, files.Count, disabled, schemas);
    }

    /// <summary>Validates documents already read (for example the items of a KRM ResourceList).</summary>
    /// <param name="schemas">The CRDs to check resources against; null for the embedded ones.</param>
    /// <param name="skipKinds">Kinds (--skip-kind) counted as skipped, not checked.</param>
    public static Result Validate(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Diagnostic> readErrors, int fileCount, IReadOnlySet<string>? disabled = null, SchemaSet? schemas = null, IReadOnlySet<string>? skipKinds = null) =>
        Validate(documents, readErrors, fileCount, disabled, schemas, skipKinds, ChunkSize);

    /// <param name="chunkSize">Resources per parallel chunk; tests vary it to prove the findings do not depend on it.</param>
    internal static Result Validate(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Diagnostic> readErrors, int fileCount, IReadOnlySet<string>? disabled, SchemaSet? schemas, IReadOnlySet<string>? skipKinds, int chunkSize)
    {
        var diagnostics = readErrors.ToList();
        var resources = new List<FlinkResource>();
        var meantForFlink = new List<SourceDocument>();
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
                meantForFlink.Add(document);
            }
            else
            {
                notResources++; // another tool's file: a kustomization, Helm values or Chart.yaml, a workflow, a patch
            }
        }
        var written = resources.Count;
        // A blue/green deployment's template is checked as the FlinkDeployment the operator makes of it;
        // it is in the index (a snapshot of NAME-blue finds it), not among the documents written.
        resources.AddRange(resources.Select(BlueGreenTemplate.Of).OfType<FlinkResource>().ToList());
        // The index is built once over the complete list: every check reads the same one.
        var context = new ValidationContext(resources);
        foreach (var document in meantForFlink)
        {
            context.Report(RuleCatalog.NotAResource, document, JsonPointer.Root,
                $"document {document.Index + 1} is not a Kubernetes resource ({NonResources.Describe(document)}), yet its {NonResources.What(document)} is a Flink or ManifestFlow one; give it both an apiVersion and a kind");
        }
        ReportDuplicates(resources.GetRange(0, written), context);
        var findings = context.Diagnostics.Concat(CheckAll(resources, context.Index, new SchemaCheck(schemas ?? SchemaSet.Embedded), chunkSize)).ToList();
        var suppressed = new List<SuppressedFinding>();
        diagnostics.AddRange(Suppressions.Apply(findings, resources, suppressed));
        // A file that could not be read was not checked at all: disabling that finding would report it clean.
        var kept = diagnostics.Where(d => disabled is null || !disabled.Contains(d.RuleId) || Catalog.IsUnreadableInput(d)).ToList();
        kept.Sort(Diagnostic.Compare);
        return new Result(kept, fileCount, written, resources)
        {
            Suppressed = suppressed.Where(s => disabled is null || !disabled.Contains(s.Finding.RuleId)).ToList(),
            NotResources = notResources,
            SkippedKinds = skippedKinds,
        };
    }

    /// <summary>Resources checked per context: enough that a context's caches pay, small enough to share out.</summary>
    private const int ChunkSize = 64;

    /// <summary>
    /// Runs every check over every resource, chunks of resources in parallel (each chunk its own context
    /// over the shared index), and returns the findings in resource order — as one thread would, so the
    /// output never depends on scheduling. A finding two chunks both report is kept once.
    /// </summary>
    private static List<Diagnostic> CheckAll(List<FlinkResource> resources, ResourceIndex index, SchemaCheck schemaCheck, int chunkSize)
    {
        var chunks = resources.Chunk(chunkSize).ToList();
        var perChunk = OrderedParallel.Map(chunks, chunk =>
        {
            var context = new ValidationContext(index);
            foreach (var resource in chunk)
            {
                // Every resource, not only the kinds the other checks understand: a FlinkBlueGreenDeployment, or
                // any kind whose CRD came with --crd, is checked against its schema too. A blue/green
                // template is checked against the blue/green CRD, which holds its schema: once.
                if (resource.BlueGreen is null)
                {
                    schemaCheck.Check(resource, context);
                }
                if (resource.Kind == ResourceKind.Other)
                {
                    continue;
                }
                foreach (var check in Checks)
                {
                    check.Check(resource, context);
                }
            }
            return context.Diagnostics;
        });
        var seen = new HashSet<Diagnostic>();
        return perChunk.SelectMany(d => d).Where(d => d.Resource is null || seen.Add(d)).ToList();
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
