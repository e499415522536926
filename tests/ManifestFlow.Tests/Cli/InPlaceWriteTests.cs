using ManifestFlow.Cli.Output;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Issue 13, writes: --in-place and --out write all files or none, notice a file changed under them, edit
/// a link's target, and keep the mode without setuid/setgid.
/// </summary>
public sealed class InPlaceWriteTests
{
    private const string Patch = """[{"op":"replace","path":"/data/a","value":"patched"}]""";

    private static string Manifest(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}}}\ndata: {{a: original}}\n";

    private static (string Dir, string Patch) Scratch()
    {
        var dir = TestTemp.Directory("mf-write");
        var patch = Path.Combine(dir, "patch.json");
        File.WriteAllText(patch, Patch);
        return (dir, patch);
    }

    [Fact]
    public void FailedRenameOfALaterFile_PutsBackTheEarlierOnes_AndSaysSo()
    {
        // As root a read-only directory or a full disk cannot be staged in a test; the rename step is replaced
        // by one that fails on the second file, which is where a real ENOSPC/EROFS/EXDEV would surface.
        var (dir, _) = Scratch();
        var first = Path.Combine(dir, "a.yaml");
        var second = Path.Combine(dir, "b.yaml");
        File.WriteAllText(first, Manifest("a"));
        File.WriteAllText(second, Manifest("b"));
        var renames = 0;
        var transaction = new FileTransaction
        {
            Move = (from, to) =>
            {
                if (++renames == 2)
                {
                    throw new IOException("No space left on device");
                }
                File.Move(from, to, overwrite: true);
            },
        };
        transaction.Replace(first, "new a"u8.ToArray(), FileTransaction.Hash(File.ReadAllBytes(first)));
        transaction.Replace(second, "new b"u8.ToArray(), FileTransaction.Hash(File.ReadAllBytes(second)));

        var outcome = transaction.Commit();

        Assert.False(outcome.Succeeded);
        Assert.Contains($"cannot write {second}: No space left on device; nothing was written (the files already replaced were put back)", outcome.Message);
        Assert.Equal(Manifest("a"), File.ReadAllText(first));
        Assert.Equal(Manifest("b"), File.ReadAllText(second));
        Assert.Equal(["a.yaml", "b.yaml", "patch.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FileChangedSinceItWasRead_FailsTheRun_AndKeepsTheOtherWritersChange()
    {
        var (dir, _) = Scratch();
        var first = Path.Combine(dir, "a.yaml");
        var second = Path.Combine(dir, "b.yaml");
        File.WriteAllText(first, Manifest("a"));
        File.WriteAllText(second, Manifest("b"));
        var transaction = new FileTransaction();
        transaction.Replace(first, "ours a"u8.ToArray(), FileTransaction.Hash(File.ReadAllBytes(first)));
        transaction.Replace(second, "ours b"u8.ToArray(), FileTransaction.Hash(File.ReadAllBytes(second)));
        File.WriteAllText(second, Manifest("b") + "# the other run's change\n"); // same size class, new content

        var outcome = transaction.Commit();

        Assert.False(outcome.Succeeded);
        Assert.Contains($"{second} changed since it was read", outcome.Message);
        Assert.Equal(Manifest("a"), File.ReadAllText(first));
        Assert.EndsWith("# the other run's change\n", File.ReadAllText(second));
        Assert.Equal(3, Directory.GetFiles(dir).Length);
    }

    [Fact]
    public async Task ConcurrentInPlaceRuns_NeverBothSucceedWhileLosingAPatch()
    {
        var (dir, _) = Scratch();
        var target = Path.Combine(dir, "cm.yaml");
        for (var round = 0; round < 20; round++)
        {
            File.WriteAllText(target, Manifest("c"));
            var patches = Enumerable.Range(0, 2).Select(i =>
            {
                var path = Path.Combine(dir, $"p{i}.json");
                File.WriteAllText(path, $$"""[{"op":"add","path":"/data/k{{i}}","value":"v"}]""");
                return path;
            }).ToArray();
            var runs = patches.Select(p => Task.Run(() => CliRunner.Run(["apply", "--patch", p, "--in-place", target]), TestContext.Current.CancellationToken)).ToArray();
            var results = await Task.WhenAll(runs);
            var text = File.ReadAllText(target);
            var succeeded = results.Count(r => r.ExitCode == 0);
            var present = new[] { "k0: v", "k1: v" }.Count(k => text.Contains(k, StringComparison.Ordinal));
            Assert.True(succeeded == present, $"round {round}: {succeeded} run(s) reported success but {present} patch(es) are in the file:\n{text}\n{string.Join("\n", results.Select(r => r.StandardError))}");
        }
    }

    [Fact]
    public void InPlaceOnASymlink_EditsTheTarget_AndKeepsTheLink()
    {
        var (dir, patch) = Scratch();
        var real = Directory.CreateDirectory(Path.Combine(dir, "real")).FullName;
        var target = Path.Combine(real, "cm.yaml");
        File.WriteAllText(target, Manifest("c"));
        var link = Path.Combine(dir, "link.yaml");
        File.CreateSymbolicLink(link, "real/cm.yaml");

        var outcome = CliRunner.Run(["apply", "--patch", patch, "--in-place", link]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal("real/cm.yaml", new FileInfo(link).LinkTarget);
        Assert.Contains("a: patched", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(real));
    }

    [Fact]
    public void InPlace_KeepsTheMode_DropsSetuidAndSetgid_AndSaysSo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var (dir, patch) = Scratch();
        var target = Path.Combine(dir, "cm.yaml");
        File.WriteAllText(target, Manifest("c"));
        const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(target, Mode | UnixFileMode.SetUser | UnixFileMode.SetGroup);

        var outcome = CliRunner.Run(["apply", "--patch", patch, "--in-place", target]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Equal(Mode, File.GetUnixFileMode(target));
        Assert.Contains("setuid/setgid bits dropped", outcome.StandardError);
    }

    [Fact]
    public void InPlace_OnAFileNameNearNameMax_Succeeds()
    {
        // The old temporary was ".NAME.PID.GUID.tmp": past 255 bytes for a long name, so the write failed.
        var (dir, patch) = Scratch();
        var target = Path.Combine(dir, new string('n', 240) + ".yaml");
        File.WriteAllText(target, Manifest("c"));

        var outcome = CliRunner.Run(["apply", "--patch", patch, "--in-place", target]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.Contains("a: patched", File.ReadAllText(target));
    }

    [Fact]
    public void InPlaceWithSeveralFiles_WritesAll()
    {
        var (dir, patch) = Scratch();
        File.WriteAllText(Path.Combine(dir, "a.yaml"), Manifest("a"));
        File.WriteAllText(Path.Combine(dir, "b.yaml"), Manifest("b"));

        var outcome = CliRunner.Run(["apply", "--patch", patch, "--in-place", Path.Combine(dir, "a.yaml"), Path.Combine(dir, "b.yaml")]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.All(new[] { "a.yaml", "b.yaml" }, f => Assert.Contains("a: patched", File.ReadAllText(Path.Combine(dir, f))));
        Assert.Contains("2 of 2 files changed", outcome.StandardError);
    }
}
