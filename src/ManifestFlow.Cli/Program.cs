using ManifestFlow.Cli.Output;

namespace ManifestFlow.Cli;

internal static class Program
{
    public static int Main(string[] args) => CommandLine.Run(args, CliConsole.System());
}
