using System.CommandLine;
using System.Text;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Declarative;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// <c>manifestflow install-kustomize-plugins [DIR]</c>: lays out one exec plugin per config kind where
/// kustomize looks for them (<c>DIR/manifestflow.io/v1alpha1/&lt;lowercase kind&gt;/&lt;Kind&gt;</c>), each a
/// shim that runs this very manifestflow. Running it again rewrites the shims, so it also updates them
/// after manifestflow moved; each is written atomically, so a build running meanwhile sees a whole file.
/// </summary>
internal static class KustomizePluginInstaller
{
    public const string Name = "install-kustomize-plugins";

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static Command Create(CliConsole console)
    {
        var dir = new Argument<string?>("DIR") { Description = $"the plugin home (default: ${KustomizePluginHome.EnvironmentVariable}, else where kustomize looks: $XDG_CONFIG_HOME/kustomize/plugin or ~/.config/kustomize/plugin)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(Name, "Install the Kustomize plugins (FlinkBackup, FlinkRestore, FlinkSuspend, FlinkValidate) for kubectl kustomize --enable-alpha-plugins.") { dir };
        command.SetAction(r => Run(console, r.GetValue(dir)));
        return command;
    }

    private static int Run(CliConsole console, string? dir)
    {
        if (OperatingSystem.IsWindows())
        {
            console.StandardError.WriteLine("manifestflow: the Kustomize plugins are shell scripts; install them on Linux or macOS (or use the KRM function, see docs/integrations.md)");
            return ExitCodes.UsageOrInput;
        }
        if (Command() is not { } command)
        {
            console.StandardError.WriteLine("manifestflow: cannot tell which executable is running, so there is nothing for the plugins to run; nothing was installed");
            return ExitCodes.Failed;
        }
        var home = Path.GetFullPath(dir ?? KustomizePluginHome.Default(), console.WorkingDirectory);
        var stdout = new StreamWriter(console.StandardOutput, leaveOpen: true);
        foreach (var kind in ConfigResource.Kinds)
        {
            var path = Path.Combine(home, ConfigResource.ApiVersion, kind.ToLowerInvariant(), kind);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, Encoding.UTF8.GetBytes(Shim(kind, command)), Executable);
            stdout.WriteLine(path);
        }
        if (dir is not null && Environment.GetEnvironmentVariable(KustomizePluginHome.EnvironmentVariable) != home)
        {
            stdout.WriteLine($"kustomize looks here only with {KustomizePluginHome.EnvironmentVariable}={home}");
        }
        stdout.Flush();
        return ExitCodes.Success;
    }

    /// <summary>
    /// The running tool: a framework-dependent run is "dotnet manifestflow.dll" (the host is dotnet), an
    /// apphost or a global tool's shim runs itself.
    /// </summary>
    private static string[]? Command()
    {
        var process = Environment.ProcessPath;
        if (process is null)
        {
            return null;
        }
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return [process, Path.Combine(AppContext.BaseDirectory, typeof(KustomizePluginInstaller).Assembly.GetName().Name + ".dll")];
        }
        return [process];
    }

    private static string Shim(string kind, string[] command) =>
        "#!/bin/sh\n" +
        $"# ManifestFlow's {kind} plugin for kubectl kustomize --enable-alpha-plugins.\n" +
        $"# Written by `manifestflow {Name}`; run it again after moving or updating manifestflow.\n" +
        $"exec {string.Join(' ', command.Select(Quote))} {KustomizePluginHost.Name} \"$@\"\n";

    /// <summary>Single quotes keep every character of a path literal in sh; a quote itself is closed, escaped and reopened.</summary>
    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
