using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Yaml;

/// <summary>
/// Tags kubectl reads differently from a plain reading: go-yaml merges a key tagged !!merge and decodes
/// !!binary to its bytes. ManifestFlow refuses them (MF0005, located) rather than read another value.
/// </summary>
public sealed class TaggedMergeAndBinaryTests
{
    [Theory]
    [InlineData("!!merge <<: *base", 7, 3)]
    [InlineData("!<tag:yaml.org,2002:merge> <<: *base", 7, 3)]
    [InlineData("? !!merge <<\n  : *base", 7, 5)]
    [InlineData("image: !!binary Zmxpbms6MS4yMA==", 7, 10)]
    public void TaggedMergeKeyOrBinary_IsRefusedWithItsLocation(string entry, int line, int column)
    {
        var dir = TestTemp.Directory("mf-yaml-tags");
        File.WriteAllText(Path.Combine(dir, "x.yaml"), $$"""
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: orders, namespace: streaming}
            spec: &base
              flinkVersion: v1_20
            other:
              {{entry}}

            """);
        var outcome = CliRunner.Run(["validate", "x.yaml"], workingDirectory: dir);

        Assert.Equal(2, outcome.ExitCode);
        var all = outcome.Stdout + outcome.StandardError;
        Assert.Contains("MF0005", all);
        Assert.Contains($"x.yaml:{line}:{column}", all);
    }
}
