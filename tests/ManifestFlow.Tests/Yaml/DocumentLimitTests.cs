using System.Diagnostics;
using System.Text;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Yaml;

/// <summary>
/// Issue 13, item 10: a 60 MB stream of a million tiny documents took 37 s and 2.7 GB to validate. Documents
/// per file are bounded, so such a stream is refused at the first document past the limit, quickly.
/// </summary>
public sealed class DocumentLimitTests
{
    [Fact]
    public void MillionTinyDocuments_AreRefusedAtTheLimit_Quickly()
    {
        var path = Path.Combine(TestTemp.Directory("mf-docs"), "million.yaml");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                writer.Write($"---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i:0000000}}}\n");
            }
        }
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);

        var outcome = CliRunner.Run(["validate", path]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"{path}:40001:1: error MF0004: more than 10000 documents in one file", outcome.Stdout + outcome.StandardError);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - allocated < 1024L * 1024 * 1024, "memory was not bounded");
    }

    [Fact]
    public void TenThousandDocuments_AreStillRead()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(CultureInfo($"---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i}}}\n"));
        }
        var read = Manifests.ReadText(text.ToString());
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(10_000, read.Documents.Count);
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);
}
