using System.Text;
using ManifestFlow.Cli;
using ManifestFlow.Cli.Output;

namespace ManifestFlow.Tests.Support;

/// <summary>Runs the real command line in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, byte[] StandardOutput, string StandardError)
    {
        public string Stdout => Encoding.UTF8.GetString(StandardOutput);
    }

    public static Outcome Run(string[] args, byte[]? stdin = null, string? workingDirectory = null)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, () => new MemoryStream(stdin ?? []), workingDirectory ?? Environment.CurrentDirectory);
        var code = CommandLine.Run(args, console);
        return new Outcome(code, stdout.ToArray(), stderr.ToString());
    }
}
