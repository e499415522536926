using System.Diagnostics;
using Microsoft.Diagnostics.Tracing;

namespace ManifestFlow.Bench;

/// <summary>
/// Runs a command once under an EventPipe trace of the runtime's JIT and loader events and prints what was
/// compiled at run time and when each assembly loaded. With ReadyToRun almost nothing should be jitted; what
/// is left (generic instantiations over value types from another assembly, Regex compilation, code using
/// hardware intrinsics) is start-up time a pre-commit hook pays on every call. The trace itself slows the run,
/// so read the times relative to each other.
/// </summary>
internal static class StartupProfile
{
    private const string JitAndLoaderKeywords = "0x18";

    public static int Run(string command, IReadOnlyList<string> args)
    {
        var trace = Path.Combine(Path.GetTempPath(), $"manifestflow-startup-{Environment.ProcessId}.nettrace");
        try
        {
            var info = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
            info.Environment["DOTNET_EnableEventPipe"] = "1";
            info.Environment["DOTNET_EventPipeOutputPath"] = trace;
            info.Environment["DOTNET_EventPipeConfig"] = $"Microsoft-Windows-DotNETRuntime:{JitAndLoaderKeywords}:5";
            using (var process = Process.Start(info)!)
            {
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
                process.WaitForExit();
            }
            Report(trace);
            return 0;
        }
        finally
        {
            File.Delete(trace);
        }
    }

    private static void Report(string trace)
    {
        using var source = new EventPipeEventSource(trace);
        var started = new Dictionary<long, (double At, string Name)>();
        var jitted = new List<(double At, double Ms, string Tier, string Name)>();
        var loads = new List<(double At, string Name)>();
        source.Clr.MethodJittingStarted += e => started[e.MethodID] = (e.TimeStampRelativeMSec, $"{e.MethodNamespace}::{e.MethodName}");
        source.Clr.MethodLoadVerbose += e =>
        {
            if (started.Remove(e.MethodID, out var s))
            {
                jitted.Add((s.At, e.TimeStampRelativeMSec - s.At, e.OptimizationTier.ToString(), s.Name));
            }
        };
        source.Clr.LoaderAssemblyLoad += e => loads.Add((e.TimeStampRelativeMSec, e.FullyQualifiedAssemblyName.Split(',')[0]));
        source.Process();

        Console.WriteLine($"jitted methods: {jitted.Count}, {jitted.Sum(j => j.Ms):F1} ms of JIT (traced; untraced runs are faster)");
        Console.WriteLine("costliest:");
        foreach (var j in jitted.OrderByDescending(j => j.Ms).Take(25))
        {
            Console.WriteLine($"  {j.Ms,6:F2} ms  at {j.At,7:F1}  {j.Tier,-12} {j.Name}");
        }
        Console.WriteLine("by namespace of the compiled code:");
        foreach (var g in jitted.GroupBy(j => Namespace(j.Name)).OrderByDescending(g => g.Sum(j => j.Ms)).Take(15))
        {
            Console.WriteLine($"  {g.Sum(j => j.Ms),6:F2} ms  {g.Count(),4} methods  {g.Key}");
        }
        Console.WriteLine("assemblies loaded:");
        foreach (var (at, name) in loads)
        {
            Console.WriteLine($"  at {at,7:F1}  {name}");
        }
    }

    private static string Namespace(string method)
    {
        var type = method.Split("::")[0];
        var generic = type.IndexOf('`', StringComparison.Ordinal);
        var plain = generic < 0 ? type : type[..generic];
        var dot = plain.LastIndexOf('.');
        return dot < 0 ? plain : plain[..dot];
    }
}
