using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Planning;

/// <summary>
/// fixtures/operations/&lt;case&gt;/: the inputs and args.txt (a command line run in a copy of the case
/// directory); expected.out and expected.err are the exact stdout and stderr, exit-code.txt the exit code.
/// </summary>
public sealed class OperationGoldenTests
{
    public static TheoryData<string> Cases() => [.. Golden.Cases("operations")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void OperationCase_MatchesGoldenOutput(string name)
    {
        var (dir, outcome) = Run(name);
        var fixture = Path.Combine(Golden.FixturesRoot, "operations", name);
        Golden.AssertBytes(Path.Combine(fixture, "expected.out"), outcome.StandardOutput);
        Golden.AssertBytes(Path.Combine(fixture, "expected.err"), Encoding.UTF8.GetBytes(outcome.StandardError.Replace(dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)));
        Golden.AssertBytes(Path.Combine(fixture, "exit-code.txt"), Encoding.UTF8.GetBytes($"{outcome.ExitCode}\n"));
        if (outcome.ExitCode != 0)
        {
            Assert.Empty(outcome.StandardOutput);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OperationCase_IsDeterministic(string name)
    {
        var first = Run(name).Outcome;
        var second = Run(name).Outcome;
        Assert.Equal(first.StandardOutput, second.StandardOutput);
    }

    internal static (string Directory, CliRunner.Outcome Outcome) Run(string name, params string[] extraArgs)
    {
        var fixture = Path.Combine(Golden.FixturesRoot, "operations", name);
        var dir = TestTemp.Directory("mf-op");
        foreach (var file in Directory.EnumerateFiles(fixture).Where(f => !Path.GetFileName(f).StartsWith("expected", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        var args = File.ReadAllText(Path.Combine(fixture, "args.txt")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return (dir, CliRunner.Run([.. args, .. extraArgs], workingDirectory: dir));
    }
}
