namespace ManifestFlow.Bench;

/// <summary>Measurements that print figures; never part of the test suite's pass/fail.</summary>
internal static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["diff-size", var corpus] => DiffSize.Run(corpus),
        ["compare", var tool] => Comparison.Run(tool, [1, 1000, 10000], quickRounds: 21),
        ["compare", var tool, "--quick"] => Comparison.Run(tool, [1, 100], quickRounds: 3),
        ["micro", ..] => Micro(),
        ["phases", var dir] => Phases.Run(dir),
        ["startup-profile", var tool, .. var rest] => StartupProfile.Run(tool, rest),
        ["generate-repo", var jobs, var dir] => Generate(int.Parse(jobs, System.Globalization.CultureInfo.InvariantCulture), dir),
        _ => Usage(),
    };

    private static int Micro()
    {
        BenchmarkDotNet.Running.BenchmarkRunner.Run<HotPaths>();
        return 0;
    }

    private static int Generate(int jobs, string dir)
    {
        SyntheticRepository.Write(dir, jobs);
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ManifestFlow.Bench diff-size ../shared/corpus | compare PATH-TO-manifestflow [--quick] | micro | phases DIR | startup-profile PATH-TO-manifestflow ARGS... | generate-repo N DIR");
        return 2;
    }
}
