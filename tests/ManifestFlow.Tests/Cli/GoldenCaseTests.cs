using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Every fixtures/&lt;command&gt;/&lt;case&gt;/ (layout in <see cref="GoldenCase"/> and fixtures/README.md) run
/// through the real command line: stdout, stderr and exit code byte for byte, twice alike, inputs untouched.
/// MANIFESTFLOW_UPDATE_GOLDEN=1 rewrites expected.out, expected.err and exit-code.
/// </summary>
public sealed class GoldenCaseTests
{
    /// <summary>Commands whose report is their stdout, so a failing run still writes it.</summary>
    private static readonly string[] ReportingVerbs = ["validate", "review"];

    public static TheoryData<string> Cases() => [.. GoldenCase.All().Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_WritesTheExpectedOutErrAndExitCode(string id)
    {
        var golden = GoldenCase.Get(id);
        var run = golden.Run();
        Golden.AssertBytes(Path.Combine(golden.Directory, GoldenCase.OutFile), run.Out);
        Golden.AssertBytes(Path.Combine(golden.Directory, GoldenCase.ErrFile), run.Err);
        Golden.AssertBytes(Path.Combine(golden.Directory, GoldenCase.ExitCodeFile), Encoding.UTF8.GetBytes($"{run.ExitCode}\n"));
        if (run.ExitCode != 0 && !ReportingVerbs.Contains(golden.Verb))
        {
            Assert.True(run.Out.Length == 0, $"{golden.Verb} failed with exit code {run.ExitCode} yet wrote to stdout, where a pipeline would take it for manifests");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_RunTwice_WritesTheSameBytes(string id)
    {
        var golden = GoldenCase.Get(id);
        var first = golden.Run();
        var second = golden.Run();
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(first.Err, second.Err);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_LeavesItsInputsAsTheyWere(string id)
    {
        var golden = GoldenCase.Get(id);
        var run = golden.Run();
        var after = Directory.EnumerateFiles(run.WorkingDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.WorkingDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(golden.InputFiles, after);
        foreach (var input in golden.InputFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(golden.Directory, input)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(run.WorkingDirectory, input))),
                $"{id}: the run changed its input {input}");
        }
    }

    [Fact]
    public void EveryDirectoryBesideACase_IsACase()
    {
        var strays = GoldenCase.All().Select(c => c.Command).Distinct()
            .SelectMany(command => Directory.EnumerateDirectories(Path.Combine(Golden.FixturesRoot, command)))
            .Where(dir => !File.Exists(Path.Combine(dir, GoldenCase.ArgumentsFile)))
            .Select(dir => Path.GetRelativePath(Golden.FixturesRoot, dir));
        Assert.True(!strays.Any(), $"these look like golden cases but have no {GoldenCase.ArgumentsFile}, so nothing runs them: {string.Join(", ", strays)}");
    }

    [Theory]
    [InlineData("apply", 19)]
    [InlineData("operations", 20)]
    [InlineData("review", 10)]
    [InlineData("validate", 18)]
    public void Command_HasItsGoldenCases(string command, int atLeast) =>
        Assert.True(GoldenCase.Of(command).Count() >= atLeast, $"fixtures/{command} holds fewer than {atLeast} golden cases");
}
