using System.CommandLine;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Settings;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary>
/// The settings file for every front end: <c>--config FILE</c> where a command takes it, otherwise
/// <c>.manifestflow.yaml</c> found from the working directory up to the repository root. A file that
/// cannot be read or used stops the run with exit 2 and every problem at its line and column.
/// </summary>
internal static class RepositorySettingsLoader
{
    public static Option<string?> ConfigOption() =>
        new("--config") { HelpName = "FILE", Description = $"settings file to use instead of the nearest {SettingsReader.FileName} (this directory or a parent, up to the repository root)" };

    /// <summary>The settings, or null with <paramref name="exitCode"/> set when the run must stop.</summary>
    public static RepositorySettings? Load(CliConsole console, string? explicitPath, out int? exitCode)
    {
        exitCode = null;
        var loaded = SettingsDiscovery.Load(explicitPath, console.WorkingDirectory, ReadLimits.Default);
        if (loaded.Failed)
        {
            exitCode = new DiagnosticReporter(console.StandardError).Fail(loaded.Errors, ExitCodes.UsageOrInput);
            return null;
        }
        return loaded.Settings;
    }
}
