using System.IO.Compression;
using System.Reflection.PortableExecutable;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>
/// pre-commit installs the hook from `dotnet pack` run on the user's machine: that package must hold
/// ReadyToRun code for the machine, or every commit pays the JIT (one-file validate: 147 vs 79 ms).
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void Pack_CompilesTheToolReadyToRunForThisMachine()
    {
        var dotnet = ExternalTool.Require("dotnet");
        var output = TestTemp.Directory("mf-pack");
        var project = Path.Combine(SharedCorpus.RepositoryRoot, "src", "ManifestFlow.Cli", "ManifestFlow.Cli.csproj");
        var pack = ExternalTool.Run(dotnet, ["pack", project, "--configuration", "Release", "--output", output]);
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);

        var package = Assert.Single(Directory.GetFiles(output, "*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        foreach (var name in new[] { "manifestflow.dll", "ManifestFlow.Core.dll", "YamlDotNet.dll", "System.CommandLine.dll" })
        {
            var entry = Assert.Single(zip.Entries, e => e.FullName.StartsWith("tools/net10.0/", StringComparison.Ordinal) && e.Name == name);
            Assert.NotEqual("any", entry.FullName.Split('/')[2]);
            using var buffer = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(buffer);
            }
            buffer.Position = 0;
            using var pe = new PEReader(buffer);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{entry.FullName} has no ReadyToRun code");
        }
    }
}
