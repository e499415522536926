using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Cli.Output;

/// <summary>Writes diagnostics compiler-style to stderr, sorted so the output is deterministic.</summary>
internal sealed class DiagnosticReporter(TextWriter stderr)
{
    public int Fail(IEnumerable<Diagnostic> diagnostics, int exitCode)
    {
        var sorted = diagnostics.ToList();
        sorted.Sort(Diagnostic.Compare);
        foreach (var diagnostic in sorted)
        {
            stderr.WriteLine(diagnostic.ToString());
        }
        return exitCode;
    }

    /// <summary>A write that could not be made (a file changed under the run, a full disk): exit 1, the message says what is on disk.</summary>
    public int NotWritten(string message)
    {
        stderr.WriteLine($"manifestflow: {message}");
        return ExitCodes.Failed;
    }

    public void Note(string message) => stderr.WriteLine($"manifestflow: {message}");

    public int Usage(string message)
    {
        stderr.WriteLine($"manifestflow: {message}");
        return ExitCodes.UsageOrInput;
    }
}
