using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Concurrency;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Resources;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// A format-preserving <c>kubectl patch --local --type json</c>: the patch is applied by the strict
/// engine to every selected document (every non-empty one when no selector is given), and the results
/// are written back as minimal text edits. All or nothing: one failure anywhere means no output.
/// </summary>
public static class PatchApplication
{
    /// <summary>One file's outcome. Holds only what writing needs, not the parsed input: a large directory is patched with little memory.</summary>
    /// <param name="OriginalHash">SHA-256 of the bytes read, for a changed file: an in-place write checks the file still holds them.</param>
    public sealed record FileResult(string Path, bool HasBom, string LineEnding, string Text, bool Changed, int DocumentsPatched, byte[]? OriginalHash = null);

    public sealed record Result(IReadOnlyList<FileResult> Files, IReadOnlyList<Diagnostic> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static Result Apply(IReadOnlyList<SourceFile> files, JsonPatch patch, IReadOnlyList<ResourceSelector> selectors, ReadLimits limits) =>
        Apply([.. files.Select(f => (Func<InputReader.Loaded>)(() => new InputReader.Loaded(f, null)))], patch, selectors, limits);

    /// <param name="inputs">Each file's loader, called on a worker: files are read, patched and dropped one at a time.</param>
    public static Result Apply(IReadOnlyList<Func<InputReader.Loaded>> inputs, JsonPatch patch, IReadOnlyList<ResourceSelector> selectors, ReadLimits limits)
    {
        // Files are independent: patch them in parallel, then gather in input order so output stays deterministic.
        // The patch's lazily parsed values are built first: the workers then only read them.
        patch.Materialize();
        var perFile = OrderedParallel.Map(inputs, load => LoadAndApply(load(), patch, selectors, limits));
        var results = perFile.Where(r => r.Result is not null).Select(r => r.Result!).ToList();
        var errors = perFile.SelectMany(r => r.Errors).ToList();
        if (errors.Count == 0 && selectors.Count > 0 && results.Sum(r => r.DocumentsPatched) == 0)
        {
            errors.Add(Catalog.NothingSelected(string.Join(", ", selectors)));
        }
        return errors.Count > 0 ? new Result([], errors) : new Result(results, []);
    }

    /// <summary>
    /// The first operation that targets the document itself (path ""). RFC 6902 allows it, but here it turns
    /// a manifest into null or into something else entirely, and with --in-place wipes the file.
    /// </summary>
    private static int? WholeResourceOperation(JsonPatch patch)
    {
        for (var i = 0; i < patch.Operations.Count; i++)
        {
            var operation = patch.Operations[i];
            if ((operation.Path.IsRoot && operation.Kind != PatchOperationKind.Test) || (operation.Kind == PatchOperationKind.Move && operation.From!.IsRoot))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>A class, not a tuple: generic code over a framework value type cannot be precompiled and would be jitted at start-up.</summary>
    private sealed record FileOutcome(FileResult? Result, List<Diagnostic> Errors);

    private static FileOutcome LoadAndApply(InputReader.Loaded loaded, JsonPatch patch, IReadOnlyList<ResourceSelector> selectors, ReadLimits limits) =>
        loaded.File is { } file ? ApplyToFile(file, patch, selectors, limits) : new FileOutcome(null, [loaded.Error!]);

    private static FileOutcome ApplyToFile(SourceFile file, JsonPatch patch, IReadOnlyList<ResourceSelector> selectors, ReadLimits limits)
    {
        var errors = new List<Diagnostic>();
        var read = YamlStreamReader.Read(file, limits);
        if (!read.Succeeded)
        {
            return new FileOutcome(null, [.. read.Errors]);
        }
        var targets = new List<JsonNode?>();
        var patched = 0;
        foreach (var document in read.Documents)
        {
            var resource = ResourceIdentity.Of(document.Value);
            if (document.IsEmpty || (selectors.Count > 0 && !selectors.Any(s => s.Matches(resource))))
            {
                targets.Add(document.Value);
                continue;
            }
            if (WholeResourceOperation(patch) is { } index)
            {
                var why = $"operation {index} ({patch.Operations[index].Name}) would replace or remove the whole resource; edit its fields, or delete the file to delete the resource";
                errors.Add(Catalog.PatchFailure(document.LocationOf(JsonPointer.Root), document.Index, why, index) with { Resource = resource });
                continue;
            }
            var result = patch.Apply(document.Value);
            if (!result.Succeeded)
            {
                errors.Add(Catalog.PatchFailure(document.LocationOf(result.FailedPointer), document.Index, result.Error!, result.FailedOperation) with { Resource = resource });
                targets.Add(document.Value);
                continue;
            }
            targets.Add(result.Result);
            patched++;
        }
        if (errors.Count > 0)
        {
            return new FileOutcome(null, errors);
        }
        var rewrite = SourceRewriter.Rewrite(file, read.Documents, targets, limits);
        if (!rewrite.Succeeded)
        {
            return new FileOutcome(null, [.. rewrite.Errors]);
        }
        var changed = !string.Equals(rewrite.Text, file.Text, StringComparison.Ordinal);
        var hash = changed ? SHA256.HashData(SourceDecoder.Encode(file.Text, file.HasBom)) : null;
        return new FileOutcome(new FileResult(file.Path, file.HasBom, file.LineEnding, rewrite.Text!, changed, patched, hash), errors);
    }
}
