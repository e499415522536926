using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary>Reads a JSON Patch file, JSON or YAML (JSON is read by the same strict YAML reader: duplicate members are errors).</summary>
internal static class PatchFileReader
{
    public static JsonPatch? Read(string path, ReadLimits limits, Func<Stream> stdin, string workingDirectory, out IReadOnlyList<Diagnostic> errors)
    {
        var input = new InputReader(limits, stdin, workingDirectory).Read([path]);
        if (input.Errors.Count > 0)
        {
            errors = input.Errors;
            return null;
        }
        var file = input.Files[0];
        var read = YamlStreamReader.Read(file, limits);
        if (!read.Succeeded)
        {
            errors = read.Errors;
            return null;
        }
        var documents = read.Documents.Where(d => !d.IsEmpty).ToList();
        if (documents.Count != 1)
        {
            errors = [Catalog.Patch(file.Path, $"a patch file must hold exactly one document (a list of operations), found {documents.Count}")];
            return null;
        }
        var parsed = JsonPatchParser.Parse(documents[0].Value);
        if (parsed.Patch is null)
        {
            errors = [Catalog.Patch(file.Path, parsed.Error!, parsed.FailedOperation)];
            return null;
        }
        errors = [];
        return parsed.Patch;
    }
}
