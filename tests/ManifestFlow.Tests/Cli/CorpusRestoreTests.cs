using System.Text.Json.Nodes;
using ManifestFlow.Core.Diffs;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Resources;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Every FlinkDeployment with a job in the shared corpus, put through a restore-like patch: the result
/// must equal kubectl's, and the diff must touch only the lines that carry the change.
/// </summary>
public sealed class CorpusRestoreTests
{
    public const string SavepointPath = "file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c";

    public static TheoryData<string> CorpusExamples() => Manifests.CorpusExamples();

    public static string RestorePatch(long nonce) => new JsonArray(
        new JsonObject { ["op"] = "add", ["path"] = "/spec/job/upgradeMode", ["value"] = "savepoint" },
        new JsonObject { ["op"] = "add", ["path"] = "/spec/job/initialSavepointPath", ["value"] = SavepointPath },
        new JsonObject { ["op"] = "add", ["path"] = "/spec/job/savepointRedeployNonce", ["value"] = nonce }).ToJsonString();

    [Theory]
    [MemberData(nameof(CorpusExamples))]
    public void RestorePatch_AgreesWithKubectlAndTouchesOnlyItsLines(string relative)
    {
        var path = SharedCorpus.Require(relative);
        var read = Manifests.Read(path);
        if (!read.Succeeded)
        {
            return; // pseudo-YAML doc blocks; KubectlResolutionTests proves kubectl rejects them too
        }
        var text = read.Documents.Count > 0 ? read.Documents[0].File.Text : "";
        var targets = read.Documents
            .Where(d => d.Value is JsonObject o && o["kind"]?.ToString() == "FlinkDeployment" && o["spec"] is JsonObject spec && spec["job"] is JsonObject)
            .ToList();
        if (targets.Count == 0)
        {
            return;
        }
        var patch = RestorePatch(7);
        var patchFile = Path.Combine(TestTemp.Directory("mf-restore"), "patch.json");
        File.WriteAllText(patchFile, patch);
        var selects = targets.SelectMany(d => new[] { "--select", Select(d.Value) }).ToArray();
        var outcome = CliRunner.Run(["apply", "--patch", patchFile, .. selects, path]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);

        var output = Manifests.ReadText(outcome.Stdout);
        Assert.True(output.Succeeded);
        var minimum = 0;
        foreach (var document in read.Documents)
        {
            var after = output.Documents[document.Index].Value;
            if (!targets.Contains(document))
            {
                Assert.True(JsonEquality.DeepEquals(document.Value, after), $"untargeted document {document.Index + 1} changed");
                continue;
            }
            // kubectl on this document's own text is the reference for the patched value.
            var single = Path.Combine(Path.GetDirectoryName(patchFile)!, $"doc{document.Index}.yaml");
            File.WriteAllText(single, text[document.Start..document.End]);
            var (expected, error) = Kubectl.Patch(single, patch);
            Assert.True(expected is not null, error);
            Assert.True(JsonEquality.DeepEquals(Assert.Single(expected), after),
                $"document {document.Index + 1}: kubectl {expected[0]?.ToJsonString()}\nours {after?.ToJsonString()}");
            minimum += MinimumLines(document.Value!["spec"]!["job"]!.AsObject(), document, 7);
        }
        Assert.Equal(minimum, LineDiff.TouchedLines(text, outcome.Stdout));
    }

    /// <summary>One line per key whose value changes; a flow-style job is one line.</summary>
    internal static int MinimumLines(JsonObject job, ManifestFlow.Core.Yaml.SourceDocument document, long nonce)
    {
        var changes = 0;
        changes += job["upgradeMode"]?.ToString() == "savepoint" ? 0 : 1;
        changes += job["initialSavepointPath"]?.ToString() == SavepointPath ? 0 : 1;
        changes += job["savepointRedeployNonce"]?.ToString() == nonce.ToString(System.Globalization.CultureInfo.InvariantCulture) ? 0 : 1;
        var jobNode = ManifestFlow.Core.Yaml.NodeLocator.Find(document, JsonPointer.TryParse("/spec/job", out _)!)!.Node;
        return jobNode is ManifestFlow.Core.Yaml.YMapping { IsFlow: true } ? Math.Min(changes, 1) : changes;
    }

    private static string Select(JsonNode? value)
    {
        var r = ResourceIdentity.Of(value)!;
        return r.Namespace is null ? $"FlinkDeployment/{r.Name}" : $"FlinkDeployment/{r.Namespace}/{r.Name}";
    }
}
