namespace ManifestFlow.Cli.Output;

/// <summary>The process's streams, injectable so tests run commands in-process.</summary>
internal sealed record CliConsole(Stream StandardOutput, TextWriter StandardError, Func<Stream> OpenStandardInput, string WorkingDirectory)
{
    public static CliConsole System() =>
        new(Console.OpenStandardOutput(), Console.Error, Console.OpenStandardInput, Environment.CurrentDirectory);
}
