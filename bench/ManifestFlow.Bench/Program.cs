namespace ManifestFlow.Bench;

/// <summary>Measurements that print figures; never part of the test suite's pass/fail.</summary>
internal static class Program
{
    public static int Main(string[] args) => args switch
    {
        ["diff-size", var corpus] => DiffSize.Run(corpus),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ManifestFlow.Bench diff-size ../shared/corpus");
        return 2;
    }
}
