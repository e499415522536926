using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Flink;

/// <summary>Where the operator's validator finds a role's memory: the role's resources, or Flink's memory options.</summary>
public sealed class ProcessMemoryTests
{
    private static FlinkConfiguration Config(string config) =>
        FlinkConfiguration.Of(FlinkResource.From(Manifests.ReadText($"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {{name: x}}\nspec:\n  flinkConfiguration:\n{config}").Documents[0]));

    [Theory]
    [InlineData("{resource: {memory: 2048m}}", true)]
    [InlineData("{resource: {memory: \" \"}}", false)]
    [InlineData("{resources: {requests: {memory: 2Gi}}}", true)]
    [InlineData("{resources: {limits: {memory: 2Gi}}}", true)]
    [InlineData("{resources: {limits: {cpu: 2}}, resource: {cpu: 1}}", false)]
    public void RoleSpec_DefinesMemoryByResourceRequestOrLimit(string spec, bool defined) =>
        Assert.Equal(defined, ProcessMemory.IsDefinedInSpec((JsonObject)Manifests.ReadText($"role: {spec}").Documents[0].Value!["role"]!));

    [Theory]
    [InlineData("    jobmanager.memory.process.size: 1600m", "jobManager", true)]
    [InlineData("    jobmanager.memory: {flink.size: 1280m}", "jobManager", true)]
    [InlineData("    jobmanager.memory.heap.size: 1024m", "jobManager", true)]
    [InlineData("    jobmanager.heap.size: 1024m", "jobManager", true)]
    [InlineData("    taskmanager.memory.process.size: 1600m", "jobManager", false)]
    [InlineData("    taskmanager.memory.flink.size: 1280m", "taskManager", true)]
    [InlineData("    taskmanager.memory.task.heap.size: 1024m", "taskManager", false)]
    [InlineData("    taskmanager.memory.task.heap.size: 1024m\n    taskmanager.memory.managed.size: 512m", "taskManager", true)]
    [InlineData("    taskmanager.memory.task.heap.size: 1024m\n    taskmanager.memory.size: 512m", "taskManager", true)]
    [InlineData("    taskmanager.memory.process.size: \"\"", "taskManager", false)]
    public void FlinkOptions_DefineMemoryAsFlinkDerivesIt(string config, string role, bool defined) =>
        Assert.Equal(defined, ProcessMemory.DefinedInConfig(Config(config), role) is not null);
}
