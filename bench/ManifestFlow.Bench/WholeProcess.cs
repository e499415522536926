using System.Diagnostics;
using System.Globalization;

namespace ManifestFlow.Bench;

/// <summary>Times whole-process runs under GNU time (wall seconds and peak RSS), interleaving the contenders.</summary>
internal static class WholeProcess
{
    public sealed record Sample(double Seconds, long PeakKiB, int ExitCode);

    public static Sample Run(string command, IReadOnlyList<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var a in new[] { "-f", "MFBENCH %e %M", command }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        stdout.Wait();
        watch.Stop();
        var line = stderr.Result.Split('\n').LastOrDefault(l => l.StartsWith("MFBENCH ", StringComparison.Ordinal));
        var peak = line is null ? 0 : long.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture);
        return new Sample(watch.Elapsed.TotalSeconds, peak, process.ExitCode);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
