using System.CommandLine;
using ManifestFlow.Cli.Commands;
using ManifestFlow.Cli.Output;

namespace ManifestFlow.Cli;

/// <summary>Builds the command tree and runs it; parse errors are usage errors (exit 2).</summary>
internal static class CommandLine
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("ManifestFlow: validate Flink state directories and emit backup/restore changes as minimal, reviewable edits.")
        {
            ApplyCommand.Create(console),
        };
        var parsed = root.Parse(args);
        var stdout = new StreamWriter(console.StandardOutput, leaveOpen: true) { AutoFlush = true };
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.StandardError.WriteLine($"manifestflow: {error.Message}");
            }
            console.StandardError.WriteLine("Run 'manifestflow --help' for usage.");
            return ExitCodes.UsageOrInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = console.StandardError, EnableDefaultExceptionHandler = false });
    }
}
