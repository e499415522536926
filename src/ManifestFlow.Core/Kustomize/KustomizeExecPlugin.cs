using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Planning;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Kustomize;

/// <summary>
/// A Kustomize exec plugin (the legacy kind <c>kubectl kustomize --enable-alpha-plugins</c> runs, which has
/// no <c>--enable-exec</c> for KRM functions): the plugin config comes as a file, every resource on stdin.
/// A transformer (FlinkBackup, FlinkRestore, FlinkSuspend) writes every resource back, edited in the
/// stream's own text so the <c>kustomize.config.k8s.io/id</c> annotations kustomize matches them by stay
/// as they were, then the new resources (kustomize appends what it cannot match). A validator
/// (FlinkValidate) writes nothing: kustomize rejects a validator whose output differs from its input even
/// when only the node styles differ (kustomize#5036), and keeps the resources when it prints nothing.
/// </summary>
public static class KustomizeExecPlugin
{
    /// <summary>
    /// <paramref name="Output"/> is what goes to stdout; null when the build must fail, because a transformer
    /// that prints nothing makes kustomize delete every resource.
    /// </summary>
    public sealed record Result(string? Output, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<Plan> Plans)
    {
        /// <summary>The config the plugin ran, once it was read: a front end checks where the kustomization lists it.</summary>
        public FlinkResource? Config { get; init; }
    }

    public static Result Run(SourceFile configFile, SourceFile resources, ReadLimits limits)
    {
        var read = YamlStreamReader.Read(configFile, limits);
        if (!read.Succeeded)
        {
            return new Result(null, read.Errors, []);
        }
        var documents = read.Documents.Where(d => !d.IsEmpty).ToList();
        if (documents.Count != 1 || FlinkResource.From(documents[0]) is not { } config || !ConfigResource.IsConfig(config))
        {
            var at = documents.Count > 0 ? documents[0].LocationOf(JsonPointer.Of("kind")) : new SourceLocation(configFile.Path);
            return new Result(null, [Catalog.Refusal(at,
                $"the plugin config is not one ManifestFlow config resource; list a {ConfigResource.ApiVersion} {string.Join(", ", ConfigResource.Kinds)} under transformers: (or FlinkValidate under validators:)", null) with
            { RuleId = ConfigResource.ErrorId }], []);
        }
        var workspace = Workspace.Read([resources], limits);
        if (workspace.ReadErrors.Count > 0)
        {
            return new Result(null, workspace.ReadErrors, []);
        }
        var outcome = Session.Execute(workspace, new Session.Request(RunConfiguration.Default) { ExtraConfigs = [config], Limits = limits });
        if (outcome.Failed)
        {
            return new Result(null, outcome.Findings, outcome.Plans) { Config = config };
        }
        if (config.Ref.Kind == ConfigResource.ValidateKind)
        {
            return new Result("", outcome.Findings, outcome.Plans) { Config = config };
        }
        var text = outcome.EditedFiles.Count > 0 ? outcome.EditedFiles[0].Text : resources.Text;
        var stream = new System.Text.StringBuilder(text);
        foreach (var created in outcome.Created)
        {
            if (stream.Length > 0 && stream[^1] != '\n')
            {
                stream.Append('\n');
            }
            stream.Append("---\n").Append(created.Resource.Yaml);
        }
        if (string.IsNullOrWhiteSpace(stream.ToString()))
        {
            return new Result(null, [.. outcome.Findings, Catalog.Refusal(new SourceLocation(resources.Path),
                $"{config.Ref.Kind} {config.Name} got no resources from kustomize; list the manifests under resources: (an empty transformer output would delete every resource)", config.Ref) with
            { RuleId = ConfigResource.ErrorId }], outcome.Plans);
        }
        return new Result(stream.ToString(), outcome.Findings, outcome.Plans) { Config = config };
    }
}
