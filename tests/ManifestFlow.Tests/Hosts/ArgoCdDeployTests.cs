using System.Text.Json.Nodes;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>
/// deploy/argocd: the kustomize Component is built with the real <c>kubectl kustomize</c> against a trimmed
/// argocd-repo-server Deployment; the ConfigMap and the Helm values must say what plugin.yaml says.
/// </summary>
public sealed class ArgoCdDeployTests
{
    private static readonly string DeployDir = Path.Combine(SharedCorpus.RepositoryRoot, "deploy", "argocd");

    /// <summary>The upstream install's repo-server Deployment, cut to what the patch meets: its container and volumes.</summary>
    private const string RepoServer = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: argocd-repo-server
          labels: {app.kubernetes.io/name: argocd-repo-server}
        spec:
          selector:
            matchLabels: {app.kubernetes.io/name: argocd-repo-server}
          template:
            metadata:
              labels: {app.kubernetes.io/name: argocd-repo-server}
            spec:
              containers:
                - name: argocd-repo-server
                  image: quay.io/argoproj/argocd:v3.2.0
                  args: [/usr/local/bin/argocd-repo-server]
                  volumeMounts:
                    - {mountPath: /app/config/ssh, name: ssh-known-hosts}
                    - {mountPath: /home/argocd/cmp-server/plugins, name: plugins}
                    - {mountPath: /tmp, name: tmp}
              initContainers:
                - name: copyutil
                  image: quay.io/argoproj/argocd:v3.2.0
                  command: [/bin/cp, -n, /usr/local/bin/argocd, /var/run/argocd/argocd-cmp-server]
                  volumeMounts:
                    - {mountPath: /var/run/argocd, name: var-files}
              volumes:
                - {name: ssh-known-hosts, configMap: {name: argocd-ssh-known-hosts-cm}}
                - {name: var-files, emptyDir: {}}
                - {name: plugins, emptyDir: {}}
                - {name: tmp, emptyDir: {}}
        """;

    private static JsonNode Yaml(string path) => Manifests.Values(Manifests.Read(path)).Single()!;

    /// <summary>The sidecar the JSON patch appends to the pod's containers.</summary>
    private static JsonNode PatchContainer() =>
        Yaml(Path.Combine(DeployDir, "repo-server-patch.yaml")).AsArray()
            .Single(op => op!["path"]!.ToString() == "/spec/template/spec/containers/-")!["value"]!;

    [Fact]
    public void KustomizeComponent_AddsTheSidecarAndThePluginConfigMap()
    {
        var kubectl = ExternalTool.Require("kubectl");
        var dir = TestTemp.Directory("mf-argocd-install");
        File.WriteAllText(Path.Combine(dir, "repo-server.yaml"), RepoServer);
        File.WriteAllText(Path.Combine(dir, "kustomization.yaml"),
            $"namespace: argocd\nresources: [repo-server.yaml]\ncomponents: [{Path.GetRelativePath(dir, DeployDir)}]\n");

        var build = ExternalTool.Run(kubectl, ["kustomize", dir]);
        Assert.True(build.ExitCode == 0, build.Stderr);
        var objects = Manifests.Values(Manifests.ReadText(build.Stdout)).Select(o => o!).ToList();

        var configMap = objects.Single(o => o["kind"]!.ToString() == "ConfigMap");
        Assert.Equal("manifestflow-plugin", configMap["metadata"]!["name"]!.ToString());
        Assert.Equal("argocd", configMap["metadata"]!["namespace"]!.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(DeployDir, "plugin.yaml")), configMap["data"]!["plugin.yaml"]!.ToString());

        var pod = objects.Single(o => o["kind"]!.ToString() == "Deployment")["spec"]!["template"]!["spec"]!;
        var original = Manifests.Values(Manifests.ReadText(RepoServer)).Single()!["spec"]!["template"]!["spec"]!;
        var containers = pod["containers"]!.AsArray();
        Assert.Equal(["argocd-repo-server", "manifestflow"], containers.Select(c => c!["name"]!.ToString()));
        Assert.True(JsonNode.DeepEquals(original["containers"]![0], containers[0]), "the repo-server container changed");
        Assert.True(JsonNode.DeepEquals(original["initContainers"], pod["initContainers"]), "the init container changed");

        var sidecar = containers[1]!;
        Assert.True(JsonNode.DeepEquals(PatchContainer(), sidecar));
        Assert.Equal("/var/run/argocd/argocd-cmp-server", sidecar["command"]![0]!.ToString());
        Assert.Equal(999, sidecar["securityContext"]!["runAsUser"]!.GetValue<long>());
        // Every mount names a volume of the pod; the plugin's file is a key of the ConfigMap it mounts.
        var volumes = pod["volumes"]!.AsArray().ToDictionary(v => v!["name"]!.ToString(), v => v!);
        Assert.Equal(["ssh-known-hosts", "var-files", "plugins", "tmp", "manifestflow-plugin", "manifestflow-tmp"], volumes.Keys);
        foreach (var mount in sidecar["volumeMounts"]!.AsArray())
        {
            Assert.Contains(mount!["name"]!.ToString(), volumes.Keys);
        }
        var config = sidecar["volumeMounts"]!.AsArray().Single(m => m!["mountPath"]!.ToString() == "/home/argocd/cmp-server/config/plugin.yaml")!;
        Assert.Equal("manifestflow-plugin", volumes[config["name"]!.ToString()]["configMap"]!["name"]!.ToString());
        Assert.NotNull(configMap["data"]![config["subPath"]!.ToString()]);
        // Argo CD's advice: the sidecar never shares the repo-server's /tmp.
        var tmp = sidecar["volumeMounts"]!.AsArray().Single(m => m!["mountPath"]!.ToString() == "/tmp")!;
        Assert.NotEqual("tmp", tmp["name"]!.ToString());
    }

    [Fact]
    public void ConfigMap_HoldsPluginYamlVerbatim()
    {
        var configMap = Yaml(Path.Combine(DeployDir, "configmap.yaml"));
        Assert.Equal(File.ReadAllText(Path.Combine(DeployDir, "plugin.yaml")), configMap["data"]!["plugin.yaml"]!.ToString());
    }

    [Fact]
    public void HelmValues_SayWhatPluginYamlAndThePatchSay()
    {
        var values = Yaml(Path.Combine(DeployDir, "helm-values.yaml"));
        var plugin = Yaml(Path.Combine(DeployDir, "plugin.yaml"));
        Assert.True(values["configs"]!["cmp"]!["create"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(plugin["spec"], values["configs"]!["cmp"]!["plugins"]![plugin["metadata"]!["name"]!.ToString()]),
            "configs.cmp.plugins.manifestflow differs from plugin.yaml's spec");

        // The chart's ConfigMap is argocd-cmp-cm with one key per plugin, <name>.yaml; otherwise the same sidecar.
        var expected = PatchContainer().DeepClone();
        var mount = expected["volumeMounts"]!.AsArray().Single(m => m!["name"]!.ToString() == "manifestflow-plugin")!;
        mount["name"] = "argocd-cmp-cm";
        mount["subPath"] = "manifestflow.yaml";
        var sidecar = values["repoServer"]!["extraContainers"]!.AsArray().Single();
        Assert.True(JsonNode.DeepEquals(expected, sidecar), "repoServer.extraContainers differs from repo-server-patch.yaml's sidecar");
        var volumes = values["repoServer"]!["volumes"]!.AsArray().ToDictionary(v => v!["name"]!.ToString(), v => v!);
        Assert.Equal("argocd-cmp-cm", volumes["argocd-cmp-cm"]["configMap"]!["name"]!.ToString());
        Assert.NotNull(volumes["manifestflow-tmp"]["emptyDir"]);
    }

    [Fact]
    public void Application_NamesTheVersionedPlugin_WithParametersItAnnounces()
    {
        var plugin = Yaml(Path.Combine(DeployDir, "plugin.yaml"));
        var source = Yaml(Path.Combine(DeployDir, "application.yaml"))["spec"]!["source"]!["plugin"]!;
        Assert.Equal($"{plugin["metadata"]!["name"]}-{plugin["spec"]!["version"]}", source["name"]!.ToString());
        Assert.Equal("manifestflow-v0.1", source["name"]!.ToString());
        var announced = plugin["spec"]!["parameters"]!["static"]!.AsArray().ToDictionary(p => p!["name"]!.ToString(), p => p!["collectionType"]?.ToString() ?? "string");
        foreach (var parameter in source["parameters"]!.AsArray())
        {
            var name = parameter!["name"]!.ToString();
            Assert.True(announced.ContainsKey(name), $"{name} is not announced by plugin.yaml");
            Assert.NotNull(parameter[announced[name]]);
        }
    }
}
