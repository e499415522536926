using ManifestFlow.Cli.Output;

namespace ManifestFlow.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // The runtime's own start-up statics (AppContext, the string comparer behind every Dictionary<string, T>)
        // are built here, on one thread, before any other thread exists: two threads building them at once
        // can livelock a native process (see Prewarm.Start).
        _ = AppContext.GetData("ManifestFlow.Startup");
        _ = new Dictionary<string, int>().Count;
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
