using ManifestFlow.Core.Flink;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Flink;

/// <summary>The effective configuration as the operator's ConfigObjectNode.asFlatMap computes it.</summary>
public sealed class FlinkConfigurationTests
{
    private static FlinkResource Deployment(string config) =>
        FlinkResource.From(Manifests.ReadText($"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {{name: x}}\nspec:\n  flinkConfiguration:\n{config}").Documents[0])!;

    [Fact]
    public void NestedMaps_FlattenWithDots_ArraysJoinWithSemicolons_EmptyArraysVanish()
    {
        var config = FlinkConfiguration.Of(Deployment("    state:\n      savepoints: {dir: s3://b/sp}\n      checkpoints.dir: s3://b/cp\n    env.java.opts: [-Xss1m, -Dx=1]\n    empty: []\n    slots: 2\n    flag: true"));
        Assert.Equal("s3://b/sp", config.Get("state.savepoints.dir")!.Value);
        Assert.Equal("s3://b/cp", config.Get("state.checkpoints.dir")!.Value);
        Assert.Equal("-Xss1m;-Dx=1", config.Get("env.java.opts")!.Value);
        Assert.Null(config.Get("empty"));
        Assert.Equal("2", config.Get("slots")!.Value);
        Assert.Equal("true", config.Get("flag")!.Value);
        Assert.Equal("/spec/flinkConfiguration/state/savepoints/dir", config.Get("state.savepoints.dir")!.Pointer.ToString());
    }

    [Fact]
    public void NewKeyNames_WinOverDeprecatedAliases()
    {
        var config = FlinkConfiguration.Of(Deployment("    state.savepoints.dir: s3://old\n    execution.checkpointing.savepoint-dir: s3://new"));
        Assert.Equal("s3://new", config.Get(ConfigKeys.SavepointDir)!.Value);
        Assert.Equal("s3://old", FlinkConfiguration.Of(Deployment("    state.savepoints.dir: s3://old")).Get(ConfigKeys.SavepointDir)!.Value);
    }

    [Theory]
    [InlineData("    high-availability.type: kubernetes", true)]
    [InlineData("    high-availability: org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory", true)]
    [InlineData("    high-availability: {type: ZOOKEEPER}", true)]
    [InlineData("    high-availability.type: NONE", false)]
    [InlineData("    high-availability.type: none", false)]
    [InlineData("    other: x", false)]
    public void HighAvailability_IsOnUnlessTheTypeIsNone(string config, bool expected) =>
        Assert.Equal(expected, FlinkConfiguration.Of(Deployment(config)).HighAvailability);

    [Theory]
    [InlineData("file:///opt/flink/sp", "file", "/opt/flink/sp")]
    [InlineData("file:/opt/flink/sp/", "file", "/opt/flink/sp")]
    [InlineData("s3://bucket/a/../b", "s3", "//bucket/b")]
    [InlineData("/opt/flink/sp", null, "/opt/flink/sp")]
    [InlineData("test-savepoint-dir", null, "test-savepoint-dir")]
    public void StorageUri_SplitsSchemeAndNormalisedPath(string text, string? scheme, string path)
    {
        var uri = StorageUri.Parse(text);
        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(path, uri.Path);
    }

    [Fact]
    public void StorageUri_NestingRespectsPathBoundaries()
    {
        Assert.True(StorageUri.Parse("file:///data/sp/x").IsWithin(StorageUri.Parse("file:/data/sp")));
        Assert.False(StorageUri.Parse("file:///data/sp2").IsWithin(StorageUri.Parse("file:///data/sp")));
        Assert.False(StorageUri.Parse("s3://a/sp").IsWithin(StorageUri.Parse("s3://b/sp")));
        Assert.False(StorageUri.Parse("s3://a/sp").IsWithin(StorageUri.Parse("gs://a/sp")));
    }
}
