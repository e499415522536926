using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Issue 13, item 20: an operation on the whole document (path "") would turn a manifest into null or into
/// something else; apply refuses it at the operation (MF0102, exit 1) and writes nothing.
/// </summary>
public sealed class WholeResourcePatchTests
{
    [Theory]
    [InlineData("""[{"op":"remove","path":""}]""", 0)]
    [InlineData("""[{"op":"replace","path":"","value":{"kind":"Other"}}]""", 0)]
    [InlineData("""[{"op":"test","path":"","value":null},{"op":"add","path":"","value":null}]""", 1)]
    [InlineData("""[{"op":"add","path":"/x","value":1},{"op":"move","from":"","path":"/x"}]""", 1)]
    public void WholeDocumentOperation_IsRefusedAtTheOperation_AndNothingWritten(string patch, int operation)
    {
        var dir = TestTemp.Directory("mf-whole");
        var manifest = Path.Combine(dir, "cm.yaml");
        const string Text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n";
        File.WriteAllText(manifest, Text);
        File.WriteAllText(Path.Combine(dir, "p.json"), patch);

        var outcome = CliRunner.Run(["apply", "--patch", Path.Combine(dir, "p.json"), "--in-place", manifest]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{manifest}:1:1: error MF0102: document 1: operation {operation} (", outcome.StandardError);
        Assert.Contains("whole resource", outcome.StandardError);
        Assert.Equal(Text, File.ReadAllText(manifest));
    }
}
