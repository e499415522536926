using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Resources;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Editing;

/// <summary>
/// A format-preserving <c>kubectl patch --local --type json</c>: the patch is applied by the strict
/// engine to every selected document (every non-empty one when no selector is given), and the results
/// are written back as minimal text edits. All or nothing: one failure anywhere means no output.
/// </summary>
public static class PatchApplication
{
    public sealed record FileResult(SourceFile File, string Text, bool Changed, int DocumentsPatched);

    public sealed record Result(IReadOnlyList<FileResult> Files, IReadOnlyList<Diagnostic> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static Result Apply(IReadOnlyList<SourceFile> files, JsonPatch patch, IReadOnlyList<ResourceSelector> selectors, ReadLimits limits)
    {
        var results = new List<FileResult>();
        var errors = new List<Diagnostic>();
        foreach (var file in files)
        {
            var read = YamlStreamReader.Read(file, limits);
            if (!read.Succeeded)
            {
                errors.AddRange(read.Errors);
                continue;
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
                var result = patch.Apply(document.Value);
                if (!result.Succeeded)
                {
                    errors.Add(Catalog.PatchFailure(document, result.Error!, result.FailedOperation, result.FailedPointer) with { Resource = resource });
                    targets.Add(document.Value);
                    continue;
                }
                targets.Add(result.Result);
                patched++;
            }
            if (errors.Count > 0)
            {
                continue;
            }
            var rewrite = SourceRewriter.Rewrite(file, read.Documents, targets, limits);
            if (!rewrite.Succeeded)
            {
                errors.AddRange(rewrite.Errors);
                continue;
            }
            results.Add(new FileResult(file, rewrite.Text!, !string.Equals(rewrite.Text, file.Text, StringComparison.Ordinal), patched));
        }
        if (errors.Count == 0 && selectors.Count > 0 && results.Sum(r => r.DocumentsPatched) == 0)
        {
            errors.Add(Catalog.NothingSelected(string.Join(", ", selectors)));
        }
        return errors.Count > 0 ? new Result([], errors) : new Result(results, []);
    }
}
