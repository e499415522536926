using System.Text.RegularExpressions;
using ManifestFlow.Cli.Runtime;

namespace ManifestFlow.Tests.Cli;

/// <summary>The version comes from git tags through MinVer, not from a number kept by hand in the project.</summary>
public sealed partial class ToolVersionTests
{
    [Fact]
    public void Version_IsMinVersSemanticVersion_WithoutBuildMetadata() =>
        Assert.Matches(SemVer(), ToolVersion.Current);

    [Fact]
    public void Version_IsNotTheSdksDefault() =>
        Assert.NotEqual("1.0.0", ToolVersion.Current);

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$")]
    private static partial Regex SemVer();
}
