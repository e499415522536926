using ManifestFlow.Core.Flink;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// Argo CD plugin parameters: <c>spec.source.plugin.env</c> arrives as ARGOCD_ENV_*, announced parameters
/// as PARAM_* (upper case, other characters as '_': "fail-on" becomes PARAM_FAIL_ON). FAIL_ON
/// (error|warning) and DISABLE (comma-separated rule ids) tune the validation that gates every render.
/// </summary>
internal static class Parameters
{
    public static string? Get(string name) =>
        Environment.GetEnvironmentVariable("PARAM_" + name) ?? Environment.GetEnvironmentVariable("ARGOCD_ENV_" + name);

    /// <summary>A FlinkValidate built from the parameters, when any is set; always validating is the plugin's default.</summary>
    public static IEnumerable<FlinkResource> Validate()
    {
        var failOn = Get("FAIL_ON");
        var disable = Get("DISABLE");
        var yaml = "apiVersion: manifestflow.io/v1alpha1\nkind: FlinkValidate\nmetadata: {name: argocd-parameters}\nspec:\n" +
            $"  failOn: {(failOn is "warning" ? "warning" : "error")}\n" +
            $"  disable: [{string.Join(", ", (disable ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => "\"" + d.Replace("\"", "", StringComparison.Ordinal) + "\""))}]\n";
        var file = new Core.Yaml.SourceFile("<argocd parameters>", yaml);
        var document = Core.Yaml.YamlStreamReader.Read(file).Documents[0];
        return FlinkResource.From(document) is { } resource ? [resource] : [];
    }
}
