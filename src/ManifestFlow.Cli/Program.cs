using ManifestFlow.Cli.Output;

namespace ManifestFlow.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Prewarm.Start(args);
        try
        {
            return CommandLine.Run(args, CliConsole.System());
        }
        finally
        {
            Prewarm.Finish();
        }
    }
}
