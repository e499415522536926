using System.Diagnostics;

namespace ManifestFlow.Tests.Support;

/// <summary>
/// Finds a real tool (kubectl, kpt, git, pre-commit, sarif-multitool) the way .ci/run does: on PATH. A test that needs
/// one skips in a user's clone without it, and fails in CI, where .ci/run must have installed it.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string name)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }
        if (SharedCorpus.InCi)
        {
            Assert.Fail($"'{name}' is not installed; .ci/run must install it");
        }
        Assert.Skip($"'{name}' is not on PATH; install it to run this test");
        return "";
    }

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string tool, IEnumerable<string> args, string? workingDirectory = null, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: packing the tool or installing the pre-commit hook builds the solution, which takes
        // minutes on a loaded 2-core machine; the limit only guards against a hang.
        if (!process.WaitForExit(TimeSpan.FromMinutes(6)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} timed out");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
