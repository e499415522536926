using System.CommandLine;

namespace ManifestFlow.Cli.Commands;

/// <summary>The arguments every operation command shares: inputs, target and output form.</summary>
internal sealed record OperationOptions(Argument<string[]> Paths, Option<string> Deployment, Option<string?> Namespace, Option<string> Emit, Option<string?> Out, Option<bool> InPlace, Option<string> PlanFormat, Option<bool> Force)
{
    /// <summary>The settings file to use instead of the nearest .manifestflow.yaml.</summary>
    public Option<string?> Config { get; } = RepositorySettingsLoader.ConfigOption();

    public static OperationOptions AddTo(Command command)
    {
        var common = new OperationOptions(
            new Argument<string[]>("PATHS") { Description = "manifests: files, directories, or - for stdin; default: the current directory", Arity = ArgumentArity.ZeroOrMore },
            new Option<string>("--deployment", "-d") { Description = "the FlinkDeployment, FlinkSessionJob or FlinkCluster to act on", Required = true },
            new Option<string?>("--namespace", "-n") { Description = "its namespace, when the name is not unique" },
            new Option<string>("--emit") { Description = "manifest (changed and new documents), patch (RFC 6902) or kustomize (overlay in --out)", DefaultValueFactory = _ => "manifest" },
            new Option<string?>("--out") { Description = "directory for --emit kustomize: it references the manifest (inside --out) or the base directory listing it, and must be empty unless --force" },
            new Option<bool>("--in-place", "-i") { Description = "edit the source files instead (new resources are written next to the target's file)" },
            new Option<string>("--plan") { Description = "plan on stderr: text or json", DefaultValueFactory = _ => "text" },
            new Option<bool>("--force") { Description = "with --emit kustomize: write into an --out directory that already holds files" });
        command.Arguments.Add(common.Paths);
        command.Options.Add(common.Deployment);
        command.Options.Add(common.Namespace);
        command.Options.Add(common.Emit);
        command.Options.Add(common.Out);
        command.Options.Add(common.InPlace);
        command.Options.Add(common.PlanFormat);
        command.Options.Add(common.Force);
        command.Options.Add(common.Config);
        common.Emit.OneOf("manifest", "patch", "kustomize");
        common.PlanFormat.OneOf("text", "json");
        return common;
    }

    public string Target(ParseResult r) => r.GetValue(Deployment)!;

    public string? TargetNamespace(ParseResult r) => r.GetValue(Namespace);

    public OperationRunner.Options Output(ParseResult r) =>
        new(r.GetValue(Paths) ?? [], r.GetValue(Emit)!, r.GetValue(Out), r.GetValue(InPlace), r.GetValue(PlanFormat)!) { Force = r.GetValue(Force), Config = r.GetValue(Config) };
}
