using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Planning;

/// <summary>
/// Real peers agree with every successful operation: the emitted JSON Patch applied by kubectl gives
/// the emitted manifest, and the emitted overlay built by kubectl kustomize gives the same objects.
/// Restoring or suspending twice changes nothing the second time.
/// </summary>
public sealed class OperationPeerTests
{
    public static TheoryData<string> Succeeding() =>
        [.. GoldenCase.Of("operations").Where(c => c.ExpectedExitCode == 0 && !c.Arguments.Contains("--emit")).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Succeeding))]
    public void EmittedPatch_AppliedByKubectl_GivesTheEmittedManifest(string name)
    {
        var (dir, manifest) = Operation(name).Run();
        var (_, patch) = Operation(name).Run("--emit", "patch");
        Assert.Equal(0, patch.ExitCode);
        if (!patch.Stdout.TrimStart().StartsWith('['))
        {
            return; // a backup that only creates a snapshot emits the new resource, compared in the overlay test
        }
        var original = TargetDocument(dir, name);
        // With nothing to change the manifest output is empty and the target stays as it was.
        var target = Manifests.Values(Manifests.ReadText(manifest.Stdout)).FirstOrDefault(IsTarget)
            ?? Manifests.Values(Manifests.ReadText(File.ReadAllText(original)))[0];
        var (expected, error) = Kubectl.Patch(original, patch.Stdout);
        Assert.True(expected is not null, error);
        Assert.True(JsonEquality.DeepEquals(Assert.Single(expected), target), $"kubectl: {expected[0]?.ToJsonString()}\nours: {target?.ToJsonString()}");
    }

    /// <summary>
    /// The overlay written beside the manifests (--out . --force) lists the manifest's own file; kubectl
    /// kustomize builds it into the emitted manifest plus the file's other documents, unchanged.
    /// </summary>
    [Theory]
    [MemberData(nameof(Succeeding))]
    public void EmittedOverlay_ReferencingTheFile_BuiltByKubectlKustomize_GivesTheSameObjects(string name)
    {
        var (_, manifest) = Operation(name).Run();
        var (dir, overlay) = Operation(name).Run("--emit", "kustomize", "--out", ".", "--force");
        Assert.True(overlay.ExitCode == 0, overlay.StandardError);
        var target = Path.GetFileName(TargetDocument(dir, name));
        Assert.Contains($"resources:\n  - {target}\n", File.ReadAllText(Path.Combine(dir, "kustomization.yaml")));
        AssertBuildsTheManifest(dir, name, dir, manifest.Stdout);
    }

    /// <summary>The manifest in a base directory (its kustomization lists it) and the overlay beside the base: the overlay references the base.</summary>
    [Theory]
    [MemberData(nameof(Succeeding))]
    public void EmittedOverlay_OverABase_BuiltByKubectlKustomize_GivesTheSameObjects(string name)
    {
        var (_, manifest) = Operation(name).Run();
        var dir = Operation(name).CopyInputs();
        var file = Path.GetFileName(TargetDocument(dir, name));
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        File.Move(Path.Combine(dir, file), Path.Combine(dir, "base", file));
        File.WriteAllText(Path.Combine(dir, "base", "kustomization.yaml"), $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - {file}\n");
        string[] arguments = [.. Operation(name).Arguments.Select(a => a == file ? "base/" + file : a), "--emit", "kustomize", "--out", "restore"];
        var outcome = CliRunner.Run(arguments, workingDirectory: dir);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Contains("resources:\n  - ../base\n", File.ReadAllText(Path.Combine(dir, "restore", "kustomization.yaml")));
        Assert.False(File.Exists(Path.Combine(dir, "restore", file)), "the overlay copied the manifest instead of referencing the base");
        AssertBuildsTheManifest(Path.Combine(dir, "base"), name, Path.Combine(dir, "restore"), manifest.Stdout);
    }

    private static void AssertBuildsTheManifest(string manifestDirectory, string name, string overlayDirectory, string manifestOutput)
    {
        var kubectl = ExternalTool.Require("kubectl");
        var built = ExternalTool.Run(kubectl, ["kustomize", overlayDirectory]);
        Assert.True(built.ExitCode == 0, built.Stderr);
        var fromOverlay = Manifests.Values(Manifests.ReadText(built.Stdout));
        var expected = Manifests.Values(Manifests.ReadText(manifestOutput));
        var source = Manifests.Values(Manifests.ReadText(File.ReadAllText(Path.Combine(manifestDirectory, Path.GetFileName(TargetDocument(manifestDirectory, name))))));
        if (!expected.Any(IsTarget))
        {
            expected.Insert(0, source.First(IsTarget));
        }
        // The file's other documents come through the reference unchanged.
        expected.AddRange(source.Where(d => !IsTarget(d)));
        Assert.Equal(expected.Count, fromOverlay.Count);
        foreach (var value in expected)
        {
            Assert.Contains(fromOverlay, o => JsonEquality.DeepEquals(o, value));
        }
    }

    [Theory]
    [InlineData("restore-from-snapshot")]
    [InlineData("restore-from-path")]
    [InlineData("restore-recreate")]
    [InlineData("restore-flinkcluster")]
    [InlineData("suspend")]
    public void RunningTwice_ChangesNothingTheSecondTime(string name)
    {
        var (dir, first) = Operation(name).Run("--in-place");
        Assert.True(first.ExitCode == 0, first.StandardError);
        var after = Directory.EnumerateFiles(dir).ToDictionary(f => f, File.ReadAllText);
        var second = CliRunner.Run([.. Operation(name).Arguments, "--in-place"], workingDirectory: dir);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Contains("nothing to change", second.StandardError);
        foreach (var (file, text) in after)
        {
            Assert.Equal(text, File.ReadAllText(file));
        }
    }

    [Fact]
    public void InPlaceBackup_WritesTheSnapshotNextToTheTarget()
    {
        var (dir, outcome) = Operation("backup-snapshot").Run("--in-place");
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
        var written = Path.Combine(dir, "application-cluster-prod-backup-20261121.yaml");
        Assert.Equal(File.ReadAllText(Path.Combine(Operation("backup-snapshot").Directory, GoldenCase.OutFile)), File.ReadAllText(written));
    }

    [Fact]
    public void RefusedRestore_WritesNothing()
    {
        var (dir, outcome) = Operation("restore-path-outside-refused").Run("--in-place");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Operation("restore-path-outside-refused").Directory, "deployment.yaml")), File.ReadAllText(Path.Combine(dir, "deployment.yaml")));
    }

    private static GoldenCase Operation(string name) => GoldenCase.Get("operations/" + name);

    private static bool IsTarget(JsonNode? value) => value?["kind"]?.ToString() is "FlinkDeployment" or "FlinkCluster" or "FlinkSessionJob" or "FlinkBlueGreenDeployment";

    /// <summary>The target's own document, written alone so kubectl patches only it.</summary>
    private static string TargetDocument(string dir, string name)
    {
        var file = Operation(name).Arguments.First(a => a.EndsWith(".yaml", StringComparison.Ordinal) && (a.StartsWith("deployment", StringComparison.Ordinal) || a.StartsWith("cluster", StringComparison.Ordinal)));
        return Path.Combine(dir, file);
    }
}
