using System.Globalization;

namespace ManifestFlow.Bench;

/// <summary>
/// The figures issue 7 asks for, side by side and interleaved: single-file validate against kubectl on
/// the same file, directory apply against kubectl doing the same work, directory validate, at 1, 1,000
/// and 10,000 jobs; medians, ratios and peak memory.
/// </summary>
internal static class Comparison
{
    private const string Patch = """[{"op":"add","path":"/metadata/annotations","value":{"manifestflow.io/bench":"restore"}}]""";

    public static int Run(string manifestflow, IReadOnlyList<int> sizes, int quickRounds)
    {
        var root = Path.Combine(Path.GetTempPath(), $"manifestflow-bench-{Environment.ProcessId}");
        var patch = Path.Combine(root, "patch.json");
        Directory.CreateDirectory(root);
        File.WriteAllText(patch, Patch);
        Console.WriteLine($"manifestflow: {manifestflow}");
        Console.WriteLine($"{"case",-44} {"jobs",6} {"mf s",8} {"kubectl s",10} {"ratio",6} {"mf MiB",7} {"kubectl MiB",12}");
        try
        {
            foreach (var jobs in sizes)
            {
                var dir = Path.Combine(root, $"repo-{jobs}");
                SyntheticRepository.Write(dir, jobs);
                var file = Path.Combine(dir, "job-00000.yaml");
                var rounds = jobs == 1 ? quickRounds : jobs <= 1000 ? 5 : 3;
                if (jobs == 1)
                {
                    Report("validate FILE vs kubectl patch --local FILE", jobs, rounds,
                        () => WholeProcess.Run(manifestflow, ["validate", file], root),
                        () => WholeProcess.Run("kubectl", ["patch", "--local", "-f", file, "--type", "json", "-p", "[]", "-o", "yaml"], root));
                }
                Report("apply --patch P DIR vs kubectl patch --local -f DIR", jobs, rounds,
                    () => WholeProcess.Run(manifestflow, ["apply", "--patch", patch, dir], root),
                    () => WholeProcess.Run("kubectl", ["patch", "--local", "-f", dir, "--type", "json", "-p", Patch, "-o", "yaml"], root));
                Report("validate DIR", jobs, rounds, () => WholeProcess.Run(manifestflow, ["validate", dir], root), null);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        return 0;
    }

    /// <summary>Warm-up time before the first measurement: a build just before (dotnet run) leaves processes finishing for a second or two.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private static bool _settled;

    private static void Report(string name, int jobs, int rounds, Func<WholeProcess.Sample> ours, Func<WholeProcess.Sample>? theirs)
    {
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            ours();
            theirs?.Invoke(); // warm the page cache and the runtime's disk caches for both
        }
        while (!_settled && warmUp.Elapsed < Settle);
        _settled = true;
        var a = new List<WholeProcess.Sample>();
        var b = new List<WholeProcess.Sample>();
        for (var i = 0; i < rounds; i++)
        {
            a.Add(ours());
            if (theirs is not null)
            {
                b.Add(theirs());
            }
        }
        var mine = WholeProcess.Median(a.Select(s => s.Seconds));
        var peak = a.Max(s => s.PeakKiB) / 1024.0;
        var line = $"{name,-44} {jobs,6} {mine,8:F3}";
        if (b.Count > 0)
        {
            var other = WholeProcess.Median(b.Select(s => s.Seconds));
            line += $" {other,10:F3} {mine / other,6:F2} {peak,7:F0} {b.Max(s => s.PeakKiB) / 1024.0,12:F0}";
        }
        else
        {
            line += $" {"",10} {"",6} {peak,7:F0}";
        }
        Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        if (a.Any(s => s.ExitCode is not (0 or 1)))
        {
            Console.WriteLine($"  warning: manifestflow exited {string.Join(",", a.Select(s => s.ExitCode).Distinct())}");
        }
    }
}
