using ManifestFlow.Core.Flink;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Flink;

/// <summary>The operator's FlinkUtils.mergePodTemplates: role templates merge into spec.podTemplate by position, or by name when asked.</summary>
public sealed class PodTemplateMergeTests
{
    private const string Base = """
          podTemplate:
            spec:
              containers:
                - name: flink-main-container
                  volumeMounts: [{mountPath: /flink-data, name: state}]
                - {name: fluentbit, image: fluent-bit}
              volumes:
                - {name: state, persistentVolumeClaim: {claimName: orders-state}}
        """;

    private static FlinkResource Deployment(string role, string config = "") => FlinkResource.From(Manifests.ReadText(
        $"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {{name: orders}}\nspec:\n  flinkConfiguration: {{{config}}}\n{Base}\n  taskManager:\n{role}").Documents[0])!;

    [Fact]
    public void RoleEnvOnly_KeepsTheBaseMountsAndVolumes()
    {
        var r = Deployment("    podTemplate:\n      spec:\n        containers:\n          - name: flink-main-container\n            env: [{name: TZ, value: UTC}]");
        var mounts = PodTemplates.Mounts(r, "taskManager");
        var mount = Assert.Single(mounts);
        Assert.Equal("/flink-data", mount.MountPath);
        Assert.Equal("/spec/taskManager/podTemplate/spec/containers/0/env", OriginOf(r, "/spec/containers/0/env"));
        Assert.Equal("/spec/podTemplate/spec/containers/0/volumeMounts/0", mount.Pointer.ToString());
        Assert.Equal("/spec/podTemplate/spec/volumes/0/persistentVolumeClaim/claimName", mount.ClaimNamePointer!.ToString());
    }

    [Fact]
    public void RoleList_MergesByPosition_NotByReplacement()
    {
        var r = Deployment("    podTemplate:\n      spec:\n        containers:\n          - {name: log-shipper, image: vector}\n          - {name: second}\n          - {name: third}");
        var merged = PodTemplateMerge.Of(r, "taskManager").Template!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["log-shipper", "second", "third"], merged.Select(c => c!["name"]!.GetValue<string>()));
        Assert.NotNull(merged[0]!["volumeMounts"]); // the base main container's fields stay at position 0
        Assert.Equal("fluent-bit", merged[1]!["image"]!.GetValue<string>());
        Assert.Empty(PodTemplates.Mounts(r, "taskManager"));
        Assert.Equal("log-shipper", PodTemplates.DisplacedMainContainer(r, "taskManager"));
    }

    [Fact]
    public void MergeArraysByName_MatchesByName_AndAppendsNewNames()
    {
        var r = Deployment("    podTemplate:\n      spec:\n        containers:\n          - {name: log-shipper, image: vector}\n          - {name: fluentbit, image: fluent-bit-2}",
            "kubernetes.operator.pod-template.merge-arrays-by-name: true");
        var merged = PodTemplateMerge.Of(r, "taskManager").Template!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["flink-main-container", "fluentbit", "log-shipper"], merged.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("fluent-bit-2", merged[1]!["image"]!.GetValue<string>());
        Assert.Single(PodTemplates.Mounts(r, "taskManager"));
        Assert.Null(PodTemplates.DisplacedMainContainer(r, "taskManager"));
    }

    [Fact]
    public void MergeArraysByName_NeedsANameOnEveryElement_ElseMergesByPosition()
    {
        var r = Deployment("    podTemplate:\n      spec:\n        containers:\n          - {image: vector}",
            "kubernetes.operator.pod-template.merge-arrays-by-name: true");
        var merged = PodTemplateMerge.Of(r, "taskManager").Template!["spec"]!["containers"]!.AsArray();
        Assert.Equal("flink-main-container", merged[0]!["name"]!.GetValue<string>());
        Assert.Equal("vector", merged[0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void RoleVolumeAtTheSamePosition_GivesTheVolumeBothSources()
    {
        var r = Deployment("    podTemplate:\n      spec:\n        volumes:\n          - {name: state, emptyDir: {}}");
        var mount = Assert.Single(PodTemplates.Mounts(r, "taskManager"));
        Assert.Equal(["name", "persistentVolumeClaim", "emptyDir"], mount.VolumeKeys.Select(k => k.Key));
        Assert.Equal("/spec/taskManager/podTemplate/spec/volumes/0/emptyDir", mount.VolumeKeys[2].Value.ToString());
        Assert.Equal("/spec/taskManager/podTemplate/spec/volumes/0", mount.VolumePointer!.ToString());
    }

    [Fact]
    public void NoRoleTemplate_IsTheBaseTemplate_AndNoBaseIsTheRoleTemplate()
    {
        var r = Deployment("    replicas: 2");
        Assert.Equal("/spec/podTemplate/spec/volumes/0", Assert.Single(PodTemplates.Mounts(r, "taskManager")).VolumePointer!.ToString());
        var roleOnly = FlinkResource.From(Manifests.ReadText(
            "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: orders}\nspec:\n  jobManager:\n" + Base.Replace("  podTemplate", "    podTemplate", StringComparison.Ordinal).Replace("\n    ", "\n      ", StringComparison.Ordinal)).Documents[0])!;
        Assert.Equal("/spec/jobManager/podTemplate/spec/containers/0/volumeMounts/0", Assert.Single(PodTemplates.Mounts(roleOnly, "jobManager")).Pointer.ToString());
    }

    private static string OriginOf(FlinkResource r, string path)
    {
        var merge = PodTemplateMerge.Of(r, "taskManager");
        System.Text.Json.Nodes.JsonNode node = merge.Template!;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = int.TryParse(segment, out var i) ? node[i]! : node[segment]!;
        }
        return merge.OriginOf(node).ToString();
    }
}
