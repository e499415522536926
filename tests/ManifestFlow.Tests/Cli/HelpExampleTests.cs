using ManifestFlow.Cli;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// Every command's --help ends with examples, and each example runs: with bash (so redirections and
/// parameter variables work as a user would type them), with this build as `manifestflow` on PATH, in a
/// copy of fixtures/help-examples.
/// </summary>
public sealed class HelpExampleTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (command, examples) in CommandHelp.Examples.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < examples.Length; i++)
            {
                data.Add(command, i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_Runs(string command, int index)
    {
        var example = CommandHelp.Examples[command][index];
        var bash = ExternalTool.Require("bash");
        var scratch = TestTemp.Directory("mf-help-example");
        CopyDirectory(Path.Combine(Golden.FixturesRoot, "help-examples"), scratch);
        var bin = Path.Combine(scratch, ".bin");
        Directory.CreateDirectory(bin);
        File.Move(ToolWrapper.Create(bin), Path.Combine(bin, "manifestflow"));
        var script = $"export PATH='{bin}':\"$PATH\" HOME='{scratch}' KUSTOMIZE_PLUGIN_HOME='{scratch}/plugin-home'\nset -o pipefail\n{example.Line}\n";
        var run = ExternalTool.Run(bash, ["-c", script], scratch);
        // An example that fails (exit 1, findings or a refusal) would teach the wrong thing; every one must succeed.
        Assert.True(run.ExitCode == 0, $"`{example.Line}` exited {run.ExitCode}:\n{run.Stderr}");
    }

    [Fact]
    public void EveryVisibleCommand_HasTwoOrThreeExamples_AndItsHelpShowsThem()
    {
        var root = CliRunner.Run(["--help"]).Stdout;
        var commands = root[root.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]).ToList();
        Assert.Contains("validate", commands);
        // An argument without a HelpName is shown with all its completions (every rule id and name, once).
        Assert.All(root.Split('\n'), line => Assert.True(line.Length < 300, line));
        Assert.Equal(commands.Order(StringComparer.Ordinal), CommandHelp.Examples.Keys.Order(StringComparer.Ordinal));
        foreach (var command in commands)
        {
            var examples = CommandHelp.Examples[command];
            Assert.InRange(examples.Length, 2, 3);
            var help = CliRunner.Run([command, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("\nExamples:\n", help.Stdout);
            foreach (var example in examples)
            {
                Assert.Contains($"  {example.What}:\n    {example.Line}\n", help.Stdout);
            }
        }
    }

    [Fact]
    public void HelpOfACommandWithRequiredOptions_IsHelp_NotAMissingOptionError()
    {
        var help = CliRunner.Run(["restore", "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Equal("", help.StandardError);
        Assert.Contains("--deployment", help.Stdout);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
