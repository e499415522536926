using System.Text;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Validation;

/// <summary>
/// Checks run in parallel chunks of resources over one shared index. The findings must be the same,
/// in the same order, however the resources are cut into chunks — including findings that look across
/// chunks (a claim, a snapshot's target or a duplicate defined far away in the input).
/// </summary>
public sealed class ParallelCheckTests
{
    [Fact]
    public void Findings_DoNotDependOnHowResourcesAreChunked()
    {
        var documents = YamlStreamReader.Read(new SourceFile("many.yaml", ManyJobs(90)), ReadLimits.Default).Documents;

        var alone = Validator.Validate(documents, [], 1, null, null, null, chunkSize: int.MaxValue);
        // 90 jobs: every fifth on a missing claim, every seventh's snapshot on a missing job, every eleventh unexplained.
        var counts = alone.Diagnostics.GroupBy(d => d.RuleId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["MF1008"] = 18, ["MF2032"] = 13, ["MF0204"] = 9 }, counts);
        foreach (var chunkSize in new[] { 1, 7, 64 })
        {
            var chunked = Validator.Validate(documents, [], 1, null, null, null, chunkSize);
            Assert.Equal(alone.Diagnostics, chunked.Diagnostics);
            Assert.Equal(alone.Suppressed, chunked.Suppressed);
        }
    }

    /// <summary>
    /// Jobs in three namespaces: every fifth mounts a claim the input lacks, every seventh has a snapshot
    /// naming a job that does not exist, every eleventh carries a suppression without a reason, and the
    /// claims come last so the lookups cross every chunk.
    /// </summary>
    private static string ManyJobs(int count)
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var ns = $"team-{i % 3}";
            var claim = i % 5 == 0 ? $"missing-{i}" : $"state-{i % 3}";
            var target = i % 7 == 0 ? $"gone-{i}" : $"job-{i}";
            var ignore = i % 11 == 0 ? "\n  annotations: {manifestflow.io/ignore: \"MF1007\"}" : "";
            yaml.Append($$"""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: job-{{i}}
                  namespace: {{ns}}{{ignore}}
                spec:
                  flinkVersion: v1_20
                  serviceAccount: flink
                  flinkConfiguration:
                    execution.checkpointing.dir: file:///flink-data/cp/job-{{i}}
                    execution.checkpointing.savepoint-dir: file:///flink-data/sp/job-{{i}}
                    high-availability.type: kubernetes
                    high-availability.storageDir: file:///flink-data/ha/job-{{i}}
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          volumeMounts: [{mountPath: /flink-data, name: state}]
                      volumes:
                        - name: state
                          persistentVolumeClaim: {claimName: {{claim}}}
                  job: {jarURI: local:///opt/flink/job.jar, parallelism: 1, upgradeMode: savepoint, state: running}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkStateSnapshot
                metadata: {name: job-{{i}}-backup, namespace: {{ns}}}
                spec:
                  backoffLimit: 1
                  jobReference: {kind: FlinkDeployment, name: {{target}} }
                  savepoint: {alreadyExists: false, disposeOnDelete: false}
                ---

                """);
        }
        for (var n = 0; n < 3; n++)
        {
            yaml.Append($"apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {{name: state-{n}, namespace: team-{n}}}\nspec: {{accessModes: [ReadWriteMany]}}\n---\n");
        }
        return yaml.ToString();
    }
}
