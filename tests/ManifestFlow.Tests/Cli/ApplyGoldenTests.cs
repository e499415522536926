using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// fixtures/apply/&lt;case&gt;/: input.yaml|json, patch.json|yaml, optional args.txt; expected.yaml is
/// the exact stdout, or errors.txt the exact stderr (case directory shown as "&lt;case&gt;") and
/// exit-code.txt the exit code of a refusal.
/// </summary>
public sealed class ApplyGoldenTests
{
    public static TheoryData<string> Cases() => [.. Golden.Cases("apply")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ApplyCase_MatchesGoldenOutput(string name)
    {
        var dir = Path.Combine(Golden.FixturesRoot, "apply", name);
        var args = ApplyCase.Arguments(dir);
        var outcome = CliRunner.Run(args);
        var errorsPath = Path.Combine(dir, "errors.txt");
        if (File.Exists(errorsPath))
        {
            Assert.Empty(outcome.StandardOutput);
            var expectedCode = int.Parse(File.ReadAllText(Path.Combine(dir, "exit-code.txt")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expectedCode, outcome.ExitCode);
            Golden.AssertBytes(errorsPath, Encoding.UTF8.GetBytes(outcome.StandardError.Replace(dir + Path.DirectorySeparatorChar, "<case>/", StringComparison.Ordinal)));
            return;
        }
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Golden.AssertBytes(Path.Combine(dir, "expected" + Path.GetExtension(ApplyCase.Input(dir))), outcome.StandardOutput);
    }

    [Fact]
    public void Fixtures_ArePresent() => Assert.True(Cases().Count >= 15, "the apply golden cases are missing");
}

internal static class ApplyCase
{
    public static string Input(string dir) =>
        Directory.EnumerateFiles(dir, "input.*").Single();

    public static string Patch(string dir) =>
        Directory.EnumerateFiles(dir, "patch.*").Single();

    public static string[] Arguments(string dir)
    {
        var extra = File.Exists(Path.Combine(dir, "args.txt"))
            ? File.ReadAllText(Path.Combine(dir, "args.txt")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            : [];
        return ["apply", "--patch", Patch(dir), .. extra, Input(dir)];
    }
}
