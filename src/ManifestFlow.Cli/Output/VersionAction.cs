using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using ManifestFlow.Cli.Runtime;

namespace ManifestFlow.Cli.Output;

/// <summary>
/// <c>--version</c>: the tool's own version. System.CommandLine's default prints the entry assembly's,
/// which in-process (tests, hosts) is not ManifestFlow, and writes to the process console, not ours.
/// </summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(ToolVersion.Current + "\n"));
        console.StandardOutput.Flush();
        return ExitCodes.Success;
    }
}
