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
            ValidateCommand.Create(console),
            Hosts.KrmFunctionHost.Create(console),
            Hosts.ArgoCdPluginHost.Create(console),
            ReviewCommand.Create(console),
        };
        foreach (var command in OperationCommands.Create(console))
        {
            root.Subcommands.Add(command);
        }
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
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = console.StandardError, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MANIFESTFLOW_DEBUG") != "1")
        {
            // A bug must not look like a stack trace in a pre-commit hook; the message still says what broke.
            console.StandardError.WriteLine($"manifestflow: internal error ({e.GetType().Name}: {e.Message}); nothing was written. Set MANIFESTFLOW_DEBUG=1 for details and please report it.");
            return ExitCodes.Failed;
        }
    }
}
