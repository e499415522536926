using System.CommandLine;
using System.CommandLine.Completions;
using ManifestFlow.Cli.Commands;
using ManifestFlow.Cli.Hosts;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;

namespace ManifestFlow.Cli;

/// <summary>Builds the command tree and runs it; parse errors are usage errors (exit 2), bugs exit 70.</summary>
internal static class CommandLine
{
    private static readonly string[] Names = ["apply", "validate", "backup", "restore", "suspend", "fn", "generate", "review", "rules", "completion", KustomizePluginInstaller.Name, KustomizePluginHost.Name];

    /// <summary>
    /// Builds one subcommand. Only the invoked one is built: a pre-commit hook or an Argo CD refresh starts a
    /// process per call, and building every command's options costs start-up time for nothing.
    /// </summary>
    private static Command Create(string name, CliConsole console) => name switch
    {
        "apply" => ApplyCommand.Create(console),
        "validate" => ValidateCommand.Create(console),
        "backup" => BackupCommand.Create(console),
        "restore" => RestoreCommand.Create(console),
        "suspend" => SuspendCommand.Create(console),
        "fn" => KrmFunctionHost.Create(console),
        "generate" => ArgoCdPluginHost.Create(console),
        "review" => ReviewCommand.Create(console),
        "rules" => RulesCommand.Create(console),
        "completion" => CompletionCommand.Create(console),
        KustomizePluginInstaller.Name => KustomizePluginInstaller.Create(console),
        KustomizePluginHost.Name => KustomizePluginHost.Create(console),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such command"),
    };

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("ManifestFlow: validate Flink state directories and emit backup/restore changes as minimal, reviewable edits.");
        var invoked = args.Length > 0 && Array.IndexOf(Names, args[0]) >= 0;
        foreach (var name in invoked ? [args[0]] : Names)
        {
            root.Subcommands.Add(Create(name, console));
        }
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(console);
        }
        CommandHelp.AddExamples(root);
        var parsed = root.Parse(args);
        var stdout = new StreamWriter(console.StandardOutput, leaveOpen: true) { AutoFlush = true };
        // Misspellings first: the parser's own errors for them ("--deployment is required") are only their consequences.
        // --help, --version and shell completion ([suggest:N] "line"): the rest of the line is not a command to check.
        var checkLine = parsed.Action is not { ClearsParseErrors: true } && !root.Directives.OfType<SuggestDirective>().Any(d => parsed.GetResult(d) is not null);
        var mistakes = checkLine ? UsageMistakes.Find(parsed, root) : [];
        var errors = mistakes.Count > 0 ? mistakes
            : !checkLine ? []
            : parsed.Errors.Select(e => e.Message).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                console.StandardError.WriteLine($"manifestflow: {error}");
            }
            var command = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
            console.StandardError.WriteLine($"Run 'manifestflow {command}--help' for usage.");
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
            return ExitCodes.InternalError;
        }
    }
}
