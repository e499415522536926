using System.Diagnostics;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diffs;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Resources;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Bench;

/// <summary>
/// For every FlinkDeployment with a job in a corpus directory: the lines a restore-like patch changes
/// with ManifestFlow's apply, the minimum (one per value that changes), and with kubectl patch --local
/// -o yaml on the same document.
/// </summary>
internal static class DiffSize
{
    public static int Run(string corpus)
    {
        var files = new InputReader(ReadLimits.Default, () => Stream.Null).Locate([corpus], []).Select(p => p.Path).Where(f => f.Contains("/examples/", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"{"file",-72} {"deploys",7} {"ours",5} {"min",5} {"kubectl",7}");
        int totalOurs = 0, totalMin = 0, totalKubectl = 0, deployments = 0;
        var patch = JsonPatchParser.Parse("""
            [{"op":"add","path":"/spec/job/upgradeMode","value":"savepoint"},
             {"op":"add","path":"/spec/job/initialSavepointPath","value":"file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c"},
             {"op":"add","path":"/spec/job/savepointRedeployNonce","value":7}]
            """).Patch!;
        foreach (var path in files)
        {
            var file = SourceDecoder.Decode(path, File.ReadAllBytes(path), out _);
            var read = file is null ? null : YamlStreamReader.Read(file);
            if (read is null || !read.Succeeded)
            {
                continue;
            }
            var targets = read.Documents.Where(IsDeploymentWithJob).ToList();
            if (targets.Count == 0)
            {
                continue;
            }
            var selectors = targets.Select(d => ResourceIdentity.Of(d.Value)!).Select(r => new ResourceSelector("FlinkDeployment", r.Namespace, r.Name!)).ToList();
            var result = PatchApplication.Apply([file!], patch, selectors, ReadLimits.Default);
            if (!result.Succeeded)
            {
                Console.WriteLine($"{Path.GetFileName(path)}: {result.Errors[0]}");
                continue;
            }
            var ours = LineDiff.TouchedLines(file!.Text, result.Files[0].Text);
            var minimum = targets.Sum(d => Minimum(d, patch));
            var kubectl = targets.Sum(d => KubectlTouched(file.Text[d.Start..d.End], patch.ToString()));
            Console.WriteLine($"{Path.GetFileName(path),-72} {targets.Count,7} {ours,5} {minimum,5} {kubectl,7}");
            totalOurs += ours;
            totalMin += minimum;
            totalKubectl += kubectl;
            deployments += targets.Count;
        }
        Console.WriteLine($"{"total",-72} {deployments,7} {totalOurs,5} {totalMin,5} {totalKubectl,7}");
        return totalOurs == totalMin ? 0 : 1;
    }

    private static bool IsDeploymentWithJob(SourceDocument d) =>
        d.Value is JsonObject o && o["kind"]?.ToString() == "FlinkDeployment" && o["spec"] is JsonObject s && s["job"] is JsonObject;

    /// <summary>One line per value that actually changes; a flow-style job holds them on one line.</summary>
    private static int Minimum(SourceDocument document, JsonPatch patch)
    {
        var job = document.Value!["spec"]!["job"]!.AsObject();
        var changes = patch.Operations.Count(op => !JsonEquality.DeepEquals(job[op.Path.Last], op.Value));
        var node = NodeLocator.Find(document, JsonPointer.TryParse("/spec/job", out _)!)!.Node;
        return node is YMapping { IsFlow: true } ? Math.Min(changes, 1) : changes;
    }

    private static int KubectlTouched(string documentText, string patchJson)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"mf-bench-{Environment.ProcessId}.yaml");
        File.WriteAllText(temp, documentText);
        var info = new ProcessStartInfo("kubectl", ["patch", "--local", "-f", temp, "--type", "json", "-p", patchJson, "-o", "yaml"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        File.Delete(temp);
        return process.ExitCode == 0 ? LineDiff.TouchedLines(documentText.TrimStart('-', '\n'), output) : -1;
    }
}
