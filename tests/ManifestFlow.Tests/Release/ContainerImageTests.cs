using System.Text.Json.Nodes;
using ManifestFlow.Tests.Hosts;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Release;

/// <summary>
/// The container image (Containerfile, build/image.sh) built with the real buildah from the native executable
/// (MANIFESTFLOW_NATIVE_BINARY) on a base assembled from the libraries <c>ldd</c> lists. Containers cannot
/// start on these machines, so the image is mounted and its programs run with chroot, as the user, in the
/// directory and with the environment that kpt and Argo CD's sidecar would give them.
/// </summary>
public sealed class ContainerImageTests
{
    private const string Tag = "localhost/manifestflow:image-test";

    /// <summary>chroot into the image, then become the user and exec the command as a container runtime would.</summary>
    private const string RunInImage = """
        import json, os, sys
        root, uid, cwd, env = sys.argv[1], int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
        os.chroot(root)
        os.chdir(cwd)
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        os.execvpe(sys.argv[5], sys.argv[5:], env)
        """;

    private sealed record Image(string Buildah, Dictionary<string, string> Environment, string Work, string Container, string Mount, JsonNode Config);

    private static string NativeBinary()
    {
        var binary = System.Environment.GetEnvironmentVariable("MANIFESTFLOW_NATIVE_BINARY");
        if (string.IsNullOrEmpty(binary))
        {
            if (SharedCorpus.InCi)
            {
                Assert.Fail("MANIFESTFLOW_NATIVE_BINARY is not set; .ci/run must publish the native executable before the tests and export it");
            }
            Assert.Skip("MANIFESTFLOW_NATIVE_BINARY is not set: publish the native executable (dotnet publish src/ManifestFlow.Cli -c Release -r linux-x64 -p:PublishAot=true -o DIR) and set it to DIR/manifestflow");
        }
        Assert.True(File.Exists(binary), $"MANIFESTFLOW_NATIVE_BINARY={binary} does not exist");
        return Path.GetFullPath(binary);
    }

    /// <summary>Builds the image into a private buildah store, creates a container from it and mounts it.</summary>
    private static Image Build()
    {
        var binary = NativeBinary();
        var buildah = ExternalTool.Require("buildah");
        ExternalTool.Require("python3");
        var work = TestTemp.Directory("mf-image");
        var storage = Path.Combine(work, "storage.conf");
        // A store of its own (vfs: no overlay mounts to leak), so the test neither sees nor leaves other images.
        File.WriteAllText(storage, $"[storage]\ndriver = \"vfs\"\ngraphroot = \"{work}/graph\"\nrunroot = \"{work}/run\"\n");
        var environment = new Dictionary<string, string> { ["CONTAINERS_STORAGE_CONF"] = storage, ["IMAGE_BASE"] = "local" };

        var build = Shell(environment, work, "bash", Path.Combine(SharedCorpus.RepositoryRoot, "build", "image.sh"), binary, Tag);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);
        var inspect = ExternalTool.Run(buildah, ["inspect", "--type", "image", Tag], environment: environment);
        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        var container = ExternalTool.Run(buildah, ["from", "--pull=never", Tag], environment: environment);
        Assert.True(container.ExitCode == 0, container.Stderr);
        var name = container.Stdout.Trim();
        var copy = ExternalTool.Run(buildah, ["copy", name, Path.Combine(Golden.FixturesRoot, "gitops", "app"), "/tmp/app"], environment: environment);
        Assert.True(copy.ExitCode == 0, copy.Stderr);
        var mount = Shell(environment, work, buildah, "mount", name);
        Assert.True(mount.ExitCode == 0, mount.Stderr);
        return new Image(buildah, environment, work, name, mount.Stdout.Trim(), JsonNode.Parse(inspect.Stdout)!["OCIv1"]!["config"]!);
    }

    /// <summary>buildah mount and chroot need root: as another user they run inside <c>buildah unshare</c>.</summary>
    private static ExternalTool.Result Shell(Dictionary<string, string> environment, string work, string tool, params string[] args) =>
        System.Environment.IsPrivilegedProcess
            ? ExternalTool.Run(tool, args, work, environment: environment)
            : ExternalTool.Run(ExternalTool.Require("buildah"), ["unshare", tool, .. args], work, environment: environment);

    private static ExternalTool.Result RunAs(Image image, int uid, string cwd, IEnumerable<string> env, string[] argv, string? stdin = null)
    {
        var script = Path.Combine(image.Work, "run-in-image.py");
        File.WriteAllText(script, RunInImage);
        var environment = new JsonObject();
        foreach (var entry in env)
        {
            environment[entry[..entry.IndexOf('=', StringComparison.Ordinal)]] = entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }
        string[] args = [script, image.Mount, uid.ToString(System.Globalization.CultureInfo.InvariantCulture), cwd, environment.ToJsonString(), .. argv];
        return System.Environment.IsPrivilegedProcess
            ? ExternalTool.Run(ExternalTool.Require("python3"), args, image.Work, stdin, image.Environment)
            : ExternalTool.Run(image.Buildah, ["unshare", "python3", .. args], image.Work, stdin, image.Environment);
    }

    private static void Remove(Image image)
    {
        ExternalTool.Run(image.Buildah, ["umount", image.Container], environment: image.Environment);
        ExternalTool.Run(image.Buildah, ["rm", image.Container], environment: image.Environment);
        ExternalTool.Run(image.Buildah, ["rmi", "--all", "--force"], environment: image.Environment);
    }

    [Fact]
    public void Image_RunsAsAKptFunction_AndAsTheArgoCdSidecar()
    {
        var image = Build();
        try
        {
            var config = image.Config;
            // Non-root, numerically (Kubernetes checks runAsNonRoot against a number), entrypoint `manifestflow fn`.
            Assert.Equal("65532:65532", config["User"]!.ToString());
            var entrypoint = config["Entrypoint"]!.AsArray().Select(a => a!.ToString()).ToArray();
            Assert.Equal(["/usr/local/bin/manifestflow", "fn"], entrypoint);
            var env = config["Env"]!.AsArray().Select(e => e!.ToString()).ToList();
            Assert.Contains(env, e => e.StartsWith("PATH=", StringComparison.Ordinal));
            var version = ExternalTool.Run(NativeBinary(), ["--version"]).Stdout.Trim();
            Assert.Equal(version, config["Labels"]!["org.opencontainers.image.version"]!.ToString());

            // Minimal: the executable, plugin.yaml, the C runtime it links and the user database; no shell.
            var files = Directory.EnumerateFiles(image.Mount, "*", SearchOption.AllDirectories).Select(f => "/" + Path.GetRelativePath(image.Mount, f)).ToList();
            Assert.Contains("/usr/local/bin/manifestflow", files);
            Assert.DoesNotContain("/bin/sh", files);
            Assert.All(files.Where(f => !f.StartsWith("/tmp/app/", StringComparison.Ordinal)), f =>
                Assert.True(f is "/usr/local/bin/manifestflow" or "/home/argocd/cmp-server/config/plugin.yaml" or "/etc/passwd" or "/etc/group" || f.Contains(".so", StringComparison.Ordinal), $"unexpected file {f} in the image"));

            // kpt fn eval --image: `docker run -i --user nobody` with the entrypoint, in the image's working directory.
            var restore = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "gitops", "app", "restore.manifestflow.yaml"));
            var input = KrmFunctionTests.ResourceList(restore, "application-cluster-prod.yaml", "application-cluster-prod-backup.yaml", "ibm-flink-pvc.yaml");
            var workdir = config["WorkingDir"]?.ToString() is { Length: > 0 } w ? w : "/";
            var fn = RunAs(image, 65534, workdir, env, entrypoint, input);
            Assert.True(fn.ExitCode == 0, fn.Stderr);
            Assert.StartsWith("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\n", fn.Stdout);
            Assert.Contains("initialSavepointPath: file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c", fn.Stdout);
            Assert.Contains("\n  # with a savepoint; kept in Git", fn.Stdout);
            var gone = KrmFunctionTests.ResourceList(restore.Replace("backup-20261120", "backup-19990101", StringComparison.Ordinal), "application-cluster-prod.yaml", "application-cluster-prod-backup.yaml");
            var failing = RunAs(image, 65534, workdir, env, entrypoint, gone);
            Assert.Equal(1, failing.ExitCode);
            Assert.Contains("no FlinkStateSnapshot application-cluster-prod-backup-19990101", failing.Stdout);

            // Argo CD: argocd-cmp-server (user 999) runs the baked plugin.yaml's generate command in the app directory.
            var baked = Path.Combine(image.Mount, "home", "argocd", "cmp-server", "config", "plugin.yaml");
            Assert.Equal(File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "deploy", "argocd", "plugin.yaml")), File.ReadAllText(baked));
            var generate = Manifests.Values(Manifests.Read(baked)).Single()!["spec"]!["generate"]!["command"]!.AsArray().Select(a => a!.ToString()).ToArray();
            string[] argoEnv = [.. env, "ARGOCD_APP_NAME=orders", "ARGOCD_APP_NAMESPACE=argocd",
                """ARGOCD_APP_PARAMETERS=[{"name":"disable","array":["MF4002"]}]""", "PARAM_DISABLE_0=MF4002"];
            var rendered = RunAs(image, 999, "/tmp/app", argoEnv, generate);
            Assert.True(rendered.ExitCode == 0, rendered.Stderr);
            var objects = Manifests.Values(Manifests.ReadText(rendered.Stdout));
            var deployment = objects.Single(o => o!["kind"]!.ToString() == "FlinkDeployment")!;
            Assert.Equal("file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c", deployment["spec"]!["job"]!["initialSavepointPath"]!.ToString());
            Assert.DoesNotContain(objects, o => o!["apiVersion"]!.ToString().StartsWith("manifestflow.io/", StringComparison.Ordinal));
        }
        finally
        {
            Remove(image);
        }
    }
}
