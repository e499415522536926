using ManifestFlow.Core.Yaml;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Pipeline;

/// <summary>Each input is parsed once per run; an edited file once more, by the read-back that proves the edit.</summary>
public sealed class ParseCountTests
{
    [Fact]
    public void Restore_ParsesItsTargetTwice_AndEveryOtherInputOnce()
    {
        var dir = TestTemp.Directory("mf-parse");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Golden.FixturesRoot, "operations", "restore-from-snapshot"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        var reads = new List<string>();
        YamlStreamReader.Observer.Value = file => { lock (reads) { reads.Add(file.Path); } };
        try
        {
            var outcome = CliRunner.Run(["restore", "--deployment", "application-cluster-prod", "--snapshot", "application-cluster-prod-backup-20261120",
                "deployment.yaml", "snapshot.yaml", "ibm-flink-pvc.yaml"], workingDirectory: dir);
            Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        }
        finally
        {
            YamlStreamReader.Observer.Value = null;
        }
        Assert.Equal(2, reads.Count(p => p == "deployment.yaml"));
        Assert.Equal(1, reads.Count(p => p == "snapshot.yaml"));
        Assert.Equal(1, reads.Count(p => p == "ibm-flink-pvc.yaml"));
    }
}
