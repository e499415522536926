using System.Diagnostics;

namespace ManifestFlow.Tests.Support;

/// <summary>
/// Runs a built manifestflow executable as a process, capturing stdout as bytes (a BOM, CRLF or bytes that
/// are not UTF-8 must reach the golden comparison untouched) and giving it an empty, closed stdin, as the
/// in-process runner does.
/// </summary>
internal static class ProcessRunner
{
    public static CliRunner.Outcome Run(string executable, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} {string.Join(' ', info.ArgumentList)} timed out");
        }
        copy.GetAwaiter().GetResult();
        return new CliRunner.Outcome(process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }
}
