using System.Diagnostics;
using ManifestFlow.Core.Diffs;
using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Every hostile input of ../shared/corpus/adversarial through `apply`, as its README says: a clear
/// error with file and line and the documented exit code, or a correct edit; never a crash, a hang,
/// unbounded memory, or anything written on failure.
/// </summary>
public sealed class AdversarialInputTests
{
    private const string LabelPatch = """[{"op":"add","path":"/metadata/labels","value":{"checked":"true"}}]""";

    [Theory]
    [InlineData("alias-bomb.yaml", "MF0004", 12, "alias *a5")]
    [InlineData("deep-flow-nesting.yaml", "MF0004", 5, "nesting deeper than 1000")]
    [InlineData("invalid-utf8.yaml", "MF0002", 7, "not valid UTF-8")]
    [InlineData("nul-byte.yaml", "MF0002", 4, "U+0000")]
    [InlineData("tab-indent.yaml", "MF0001", 4, "tab")]
    [InlineData("duplicate-keys.yaml", "MF0003", 11, "duplicate key 'upgradeMode'")]
    [InlineData("garbage.yaml", "MF0002", 1, "UTF-8")]
    public void HostileInput_IsRefusedWithLocationAndExitCode2_AndNothingWritten(string name, string ruleId, int line, string message)
    {
        var copy = CopyToTemp(name);
        var before = File.ReadAllBytes(copy);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);

        var outcome = CliRunner.Run(["apply", "--patch", WritePatch(LabelPatch), "--in-place", copy]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.StandardOutput);
        Assert.Contains($"{copy}:{line}:", outcome.StandardError);
        Assert.Contains($"error {ruleId}:", outcome.StandardError);
        Assert.Contains(message, outcome.StandardError);
        Assert.DoesNotContain("   at ", outcome.StandardError); // no stack trace
        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(copy)!)); // no temporary file left behind
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - allocated < 512L * 1024 * 1024, "memory was not bounded");
    }

    [Fact]
    public void AliasBomb_IsRefusedWithoutExpanding()
    {
        var path = SharedCorpus.Require("corpus/adversarial/alias-bomb.yaml");
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var read = Manifests.Read(path);
        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal(RuleCatalog.LimitExceeded.Id, Assert.Single(read.Errors).RuleId);
        Assert.True(used < 16L * 1024 * 1024, $"reading an alias bomb allocated {used} bytes");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "no hang");
    }

    [Fact]
    public void DeepBlockNesting_IsHandled()
    {
        var copy = CopyToTemp("deep-block-nesting.yaml");
        var outcome = CliRunner.Run(["apply", "--patch", WritePatch(LabelPatch), copy]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(1, LineDiff.TouchedLines(File.ReadAllText(copy), outcome.Stdout) - 1); // "labels:" + one label line
    }

    [Fact]
    public void BomAndCrlf_AreKeptByAnInPlaceEdit()
    {
        var copy = CopyToTemp("bom-crlf.yaml");
        var before = File.ReadAllBytes(copy);
        var outcome = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"replace","path":"/spec/job/upgradeMode","value":"last-state"}]"""), "--in-place", copy]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var after = File.ReadAllBytes(copy);
        Assert.Equal([0xEF, 0xBB, 0xBF], after[..3]);
        var text = System.Text.Encoding.UTF8.GetString(after);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1); // every line break is still CRLF
        Assert.Equal(1, LineDiff.TouchedLines(System.Text.Encoding.UTF8.GetString(before), text));
        Assert.Equal(before.Length + "last-state".Length - "savepoint".Length, after.Length);
    }

    [Fact]
    public void MultiDocEdge_KeepsUntouchedDocumentsByteIdentical()
    {
        var copy = CopyToTemp("multi-doc-edge.yaml");
        var original = File.ReadAllText(copy);
        var outcome = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"replace","path":"/status/failures","value":1}]"""), "--select", "FlinkStateSnapshot/orders-backup", copy]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(original.Replace("failures: 0}", "failures: 1}", StringComparison.Ordinal), outcome.Stdout);
    }

    [Fact]
    public void AnchorsAndMergeKeys_EditsAliasedTextOnlyByRefusing()
    {
        var copy = CopyToTemp("anchors-and-merge-keys.yaml");
        var refused = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"replace","path":"/spec/jobManager/resource/cpu","value":2}]"""), copy]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("anchor &res", refused.StandardError);
        Assert.Contains($"{copy}:18:43:", refused.StandardError); // the cpu value inside &res
        Assert.Empty(refused.StandardOutput);

        var merged = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"replace","path":"/spec/flinkConfiguration/state.savepoints.dir","value":"s3://b/sp"},{"op":"replace","path":"/spec/job/upgradeMode","value":"savepoint"}]"""), copy]);
        Assert.True(merged.ExitCode == 0, merged.StandardError);
        var (expected, error) = Kubectl.Patch(copy, """[{"op":"replace","path":"/spec/flinkConfiguration/state.savepoints.dir","value":"s3://b/sp"},{"op":"replace","path":"/spec/job/upgradeMode","value":"savepoint"}]""");
        Assert.True(expected is not null, error);
        Assert.True(ManifestFlow.Core.Json.JsonEquality.DeepEquals(expected[0], Manifests.Values(Manifests.ReadText(merged.Stdout))[0]));
        Assert.Contains("upgradeMode: &mode savepoint", merged.Stdout);
        Assert.Equal(2, LineDiff.TouchedLines(File.ReadAllText(copy), merged.Stdout));
    }

    [Fact]
    public void LongLine_IsEditedWithoutRewritingIt()
    {
        var copy = CopyToTemp("long-line.yaml");
        var outcome = CliRunner.Run(["apply", "--patch", WritePatch(LabelPatch), copy]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Contains(File.ReadAllText(copy).Split('\n').First(l => l.Length > 300_000), outcome.Stdout);
    }

    [Fact]
    public void RootShapes_SelectedResourceIsPatchedOthersUntouched()
    {
        var copy = CopyToTemp("root-shapes.yaml");
        var original = File.ReadAllText(copy);
        var outcome = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"replace","path":"/spec/job/upgradeMode","value":"savepoint"}]"""), "--select", "FlinkDeployment/wrong-enum", copy]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(original.Replace("upgradeMode: savepoints", "upgradeMode: savepoint", StringComparison.Ordinal), outcome.Stdout);

        var everywhere = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"replace","path":"/spec/job/upgradeMode","value":"savepoint"}]"""), copy]);
        Assert.Equal(1, everywhere.ExitCode);
        Assert.Contains("document 1: operation 0 (replace)", everywhere.StandardError);
        Assert.Empty(everywhere.StandardOutput);
    }

    [Fact]
    public void PathTraversalAnnotations_DoNotRedirectAnInPlaceWrite()
    {
        var copy = CopyToTemp("resourcelist-path-traversal.yaml");
        var outcome = CliRunner.Run(["apply", "--patch", WritePatch("""[{"op":"add","path":"/items/0/metadata/labels","value":{"a":"b"}}]"""), "--in-place", copy]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(copy)!));
        Assert.Contains("labels:", File.ReadAllText(copy));
    }

    private static string CopyToTemp(string name)
    {
        var source = SharedCorpus.Require($"corpus/adversarial/{name}");
        var dir = TestTemp.Directory("mf-adv");
        var copy = Path.Combine(dir, name);
        File.Copy(source, copy);
        return copy;
    }

    private static string WritePatch(string json)
    {
        var path = Path.Combine(TestTemp.Directory("mf-patch"), "patch.json");
        File.WriteAllText(path, json);
        return path;
    }
}
