using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Validation;

/// <summary>
/// fixtures/validate/&lt;case&gt;/: input.yaml (or an input/ directory), optional args.txt; expected.txt is the
/// exact stdout (case directory shown as "&lt;case&gt;") and exit-code.txt the exit code.
/// fixtures/validate-corpus/&lt;file&gt;.txt: the findings on each real example of the shared corpus, read and agreed with.
/// </summary>
public sealed class ValidateGoldenTests
{
    public static TheoryData<string> Cases() => [.. Golden.Cases("validate")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidateCase_MatchesGoldenOutput(string name)
    {
        var dir = Path.Combine(Golden.FixturesRoot, "validate", name);
        var input = Directory.Exists(Path.Combine(dir, "input")) ? Path.Combine(dir, "input") : Path.Combine(dir, "input.yaml");
        var extra = File.Exists(Path.Combine(dir, "args.txt"))
            ? File.ReadAllText(Path.Combine(dir, "args.txt")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            : [];
        var outcome = CliRunner.Run(["validate", .. extra, input], workingDirectory: dir);
        var stdout = outcome.Stdout.Replace(dir + Path.DirectorySeparatorChar, "<case>/", StringComparison.Ordinal);
        Golden.AssertBytes(Path.Combine(dir, "expected.txt"), Encoding.UTF8.GetBytes(stdout));
        Golden.AssertBytes(Path.Combine(dir, "exit-code.txt"), Encoding.UTF8.GetBytes($"{outcome.ExitCode}\n"));
    }

    public static TheoryData<string> CorpusExamples() => Manifests.CorpusExamples();

    [Theory]
    [MemberData(nameof(CorpusExamples))]
    public void CorpusExample_FindingsMatchTheReviewedGolden(string relative)
    {
        var path = SharedCorpus.Require(relative);
        var outcome = CliRunner.Run(["validate", path]);
        Assert.DoesNotContain("internal error", outcome.StandardError);
        var stdout = outcome.Stdout.Replace(Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        var golden = Path.Combine(Golden.FixturesRoot, "validate-corpus", Path.GetFileNameWithoutExtension(path) + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
        Golden.AssertBytes(golden, Encoding.UTF8.GetBytes($"# exit {outcome.ExitCode}\n{stdout}"));
    }
}
