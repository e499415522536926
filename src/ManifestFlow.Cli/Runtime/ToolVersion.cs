using System.Reflection;

namespace ManifestFlow.Cli.Runtime;

/// <summary>
/// The version MinVer derived from the git tag at build time (vX.Y.Z, or X.Y.Z-alpha.0.N for N commits past
/// it). Read from this assembly, not the entry assembly, so it is the same in-process under a test host.
/// </summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
