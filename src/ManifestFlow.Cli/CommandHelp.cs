using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ManifestFlow.Cli;

/// <summary>
/// Examples at the end of every command's --help. Each line is run by HelpExampleTests (with bash, in a
/// copy of fixtures/help-examples), so an example cannot show an option that no longer exists.
/// </summary>
internal static class CommandHelp
{
    /// <summary>One example: what it does, then the command line as a user types it.</summary>
    public sealed record Example(string What, string Line);

    public static IReadOnlyDictionary<string, Example[]> Examples { get; } = new Dictionary<string, Example[]>(StringComparer.Ordinal)
    {
        ["validate"] =
        [
            new("Check every manifest under deploy/", "manifestflow validate deploy/"),
            new("SARIF for code scanning; warnings fail the run too", "manifestflow validate --format sarif --fail-on warning deploy/ > results.sarif"),
            new("Only the persistent-storage rules, by id or name", "manifestflow validate --only MF1005,directory-ephemeral-volume deploy/"),
        ],
        ["backup"] =
        [
            new("A new FlinkStateSnapshot for the running job, on stdout", "manifestflow backup -d application-cluster-prod deploy/"),
            new("The same as an RFC 6902 patch, by a new savepointTriggerNonce", "manifestflow backup -d application-cluster-prod --method nonce --emit patch deploy/"),
            new("A Kustomize overlay in overlays/backup", "manifestflow backup -d application-cluster-prod --emit kustomize --out overlays/backup deploy/"),
        ],
        ["restore"] =
        [
            new("Restore from a completed FlinkStateSnapshot", "manifestflow restore -d application-cluster-prod --snapshot application-cluster-prod-backup-20261120 deploy/"),
            new("Restore from a savepoint path, editing the file in place", "manifestflow restore -d application-cluster-prod --savepoint-path file:/opt/flink/volume/flink-sp/savepoint-caf2b2-39d09a1c170c --in-place deploy/"),
        ],
        ["suspend"] =
        [
            new("Stop the job with a savepoint: the changed manifest on stdout", "manifestflow suspend -d application-cluster-prod deploy/"),
            new("The same as an RFC 6902 patch, plan as JSON on stderr", "manifestflow suspend -d application-cluster-prod --emit patch --plan json deploy/"),
        ],
        ["apply"] =
        [
            new("Apply a JSON Patch to one resource of a file, keeping comments and formatting", "manifestflow apply --patch apply/restore-orders.patch.json --select FlinkDeployment/streaming/orders apply/orders.yaml"),
            new("The same, rewriting the file", "manifestflow apply --patch apply/restore-orders.patch.json --select FlinkDeployment/orders --in-place apply/orders.yaml"),
        ],
        ["review"] =
        [
            new("Review the change between two directories, as Markdown", "manifestflow review --base dir:base --head dir:head"),
            new("As JSON, failing on warnings too", "manifestflow review --base dir:base --head dir:head --format json --fail-on warning"),
        ],
        ["fn"] =
        [
            new("Run a ResourceList whose functionConfig is a FlinkValidate", "manifestflow fn < validate-list.yaml"),
            new("Run a FlinkRestore, as kpt or kustomize would", "manifestflow fn < restore-list.yaml > restored-list.yaml"),
        ],
        ["generate"] =
        [
            new("What the Argo CD plugin renders for an application directory", "manifestflow generate app/"),
            new("With the plugin's parameters, failing on warnings", "PARAM_FAIL_ON=warning PARAM_DISABLE=MF1007 manifestflow generate app/"),
        ],
        ["install-kustomize-plugins"] =
        [
            new("Install where kustomize looks ($KUSTOMIZE_PLUGIN_HOME, else ~/.config/kustomize/plugin)", "manifestflow install-kustomize-plugins"),
            new("Install into a directory of your choice", "manifestflow install-kustomize-plugins plugins/"),
        ],
        ["rules"] =
        [
            new("List every rule", "manifestflow rules"),
            new("Explain one, by id or by name", "manifestflow rules MF1005"),
            new("Explain one by name", "manifestflow rules directory-not-persistent"),
        ],
        ["completion"] =
        [
            new("Bash: complete in this shell", "source <(manifestflow completion bash)"),
            new("Zsh: put _manifestflow in a directory on $fpath", "manifestflow completion zsh > _manifestflow"),
            new("Fish", "manifestflow completion fish > manifestflow.fish"),
        ],
    };

    /// <summary>
    /// Appends an "Examples:" section to the help of every command that has examples. System.CommandLine
    /// 2.0 keeps its help layout internal, so the built-in help runs first and the section follows it.
    /// </summary>
    public static void AddExamples(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction builtIn)
            {
                help.Action = new WithExamples(builtIn);
            }
        }
    }

    private sealed class WithExamples(HelpAction builtIn) : SynchronousCommandLineAction
    {
        /// <summary>Like the built-in help: `restore --help` shows help, not "--deployment is required".</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            builtIn.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command.Name, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example.What}:");
                    output.WriteLine($"    {example.Line}");
                }
                output.WriteLine();
            }
            return 0;
        }
    }
}
