using System.CommandLine;
using ManifestFlow.Cli.Commands;
using ManifestFlow.Cli.Hosts;
using ManifestFlow.Cli.Output;

namespace ManifestFlow.Cli;

/// <summary>Builds the command tree and runs it; parse errors are usage errors (exit 2).</summary>
internal static class CommandLine
{
    /// <summary>
    /// Each subcommand, built only when it is the one being run: a pre-commit hook or an Argo CD refresh
    /// starts a process per call, and building every command's options costs start-up time for nothing.
    /// </summary>
    private static readonly (string Name, Func<CliConsole, IEnumerable<Command>> Create)[] Commands =
    [
        ("apply", c => [ApplyCommand.Create(c)]),
        ("validate", c => [ValidateCommand.Create(c)]),
        ("backup", c => OperationCommands.Create(c).Where(x => x.Name == "backup")),
        ("restore", c => OperationCommands.Create(c).Where(x => x.Name == "restore")),
        ("suspend", c => OperationCommands.Create(c).Where(x => x.Name == "suspend")),
        ("fn", c => [KrmFunctionHost.Create(c)]),
        ("generate", c => [ArgoCdPluginHost.Create(c)]),
        ("review", c => [ReviewCommand.Create(c)]),
    ];

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("ManifestFlow: validate Flink state directories and emit backup/restore changes as minimal, reviewable edits.");
        var only = args.Length > 0 ? Commands.Where(c => c.Name == args[0]).ToList() : [];
        foreach (var (_, create) in only.Count == 1 ? only : Commands.ToList())
        {
            foreach (var command in create(console))
            {
                root.Subcommands.Add(command);
            }
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
