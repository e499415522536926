using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Schemas;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary>
/// <c>--crd DIR</c>: CustomResourceDefinitions that add to or replace the embedded ones (a newer operator,
/// a fork). A directory that cannot be read or holds anything but CRDs is a usage error: validating
/// against the wrong schema without saying so would be worse than stopping.
/// </summary>
internal static class CrdOption
{
    public static Option<string[]> Create() =>
        new("--crd") { HelpName = "DIR", Description = "a directory (or file) of CustomResourceDefinitions that add to or replace the embedded operator CRDs (repeatable)" };

    /// <summary>The schemas to validate against, or null after reporting why <paramref name="paths"/> cannot be used.</summary>
    public static SchemaSet? Load(string[] paths, CliConsole console, ReadLimits limits)
    {
        if (paths.Length == 0)
        {
            return SchemaSet.Embedded;
        }
        var reporter = new DiagnosticReporter(console.StandardError);
        var input = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory).Read(paths);
        var errors = input.Errors.Select(e => e.ToString()).ToList();
        if (paths.Contains("-"))
        {
            errors.Add("--crd reads files and directories, not standard input");
        }
        var loaded = SchemaSet.Load(input.Files, limits);
        errors.AddRange(loaded.Errors);
        if (errors.Count == 0 && loaded.Definitions.Count == 0)
        {
            errors.Add($"{string.Join(" ", paths)}: no CustomResourceDefinition found");
        }
        foreach (var error in errors)
        {
            reporter.Usage($"--crd: {error}");
        }
        return errors.Count > 0 ? null : SchemaSet.Embedded.With(loaded.Definitions);
    }
}
