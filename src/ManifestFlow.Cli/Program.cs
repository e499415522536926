using ManifestFlow.Cli.Output;

namespace ManifestFlow.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Prewarm.Start(args);
        return CommandLine.Run(args, CliConsole.System());
    }
}
