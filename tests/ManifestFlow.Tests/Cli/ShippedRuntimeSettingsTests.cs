using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// The shipped runtimeconfig turns dynamic code off (start-up time: YamlDotNet's compiled Regex) and other
/// tests run the commands in-process, without it. These run the built tool as a process, with its own
/// runtimeconfig, over the review templates (Scriban) and the JSON writer.
/// </summary>
public sealed class ShippedRuntimeSettingsTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "manifestflow.dll");

    [Fact]
    public void TheBuiltToolRunsWithoutDynamicCode()
    {
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifestflow.runtimeconfig.json"));
        Assert.Contains("\"System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported\": false", config);
    }

    [Theory]
    [InlineData("review/correct-restore")]
    [InlineData("review/correct-restore-json")]
    public void Review_RendersTheGoldenMarkdownAndJson_AsAProcess(string id)
    {
        var golden = GoldenCase.Get(id);
        var dotnet = ExternalTool.Require("dotnet");
        var outcome = ExternalTool.Run(dotnet, [Dll, .. golden.Arguments], golden.Directory);
        Assert.Equal(File.ReadAllText(Path.Combine(golden.Directory, GoldenCase.OutFile)), outcome.Stdout);
    }

    [Fact]
    public void Validate_WritesSarif_AsAProcess()
    {
        var dir = Path.Combine(Golden.FixturesRoot, "validate", "bad-shapes");
        var dotnet = ExternalTool.Require("dotnet");
        var outcome = ExternalTool.Run(dotnet, [Dll, "validate", "--format", "sarif", "input.yaml"], dir);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("\"version\": \"2.1.0\"", outcome.Stdout);
        Assert.Contains("\"ruleId\": \"MF", outcome.Stdout);
    }
}
