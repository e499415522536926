using System.CommandLine;
using System.Reflection;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;

namespace ManifestFlow.Cli.Commands;

/// <summary>
/// <c>manifestflow completion bash|zsh|fish</c>: prints a completion script for the shell. Each script asks
/// the running manifestflow through System.CommandLine's [suggest:N] directive, so completions follow the
/// commands, options, option values and rule ids of the installed version; nothing else (dotnet-suggest)
/// needs to be installed.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish" }.OneOf("bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script for bash, zsh or fish.") { shell };
        command.SetAction(r => Run(console, r.GetValue(shell)!));
        return command;
    }

    private static int Run(CliConsole console, string shell)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("completion/manifestflow." + shell)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }
}
