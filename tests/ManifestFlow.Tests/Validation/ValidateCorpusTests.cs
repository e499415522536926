using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Validation;

/// <summary>
/// fixtures/validate-corpus/&lt;file&gt;.txt: the findings on each real example of the shared corpus
/// (../shared), read and agreed with. The command's own cases are golden cases under fixtures/validate.
/// </summary>
public sealed class ValidateCorpusTests
{
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
