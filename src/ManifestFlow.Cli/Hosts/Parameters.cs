using ManifestFlow.Core.Flink;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// Argo CD plugin parameters: <c>spec.source.plugin.env</c> arrives as ARGOCD_ENV_*, announced parameters
/// as PARAM_* (upper case, other characters as '_': "fail-on" becomes PARAM_FAIL_ON). FAIL_ON
/// (error|warning) and DISABLE (comma-separated rule ids or names) tune the validation that gates every render.
/// </summary>
internal static class Parameters
{
    public static string? Get(string name) =>
        Environment.GetEnvironmentVariable("PARAM_" + name) ?? Environment.GetEnvironmentVariable("ARGOCD_ENV_" + name);

    /// <summary>
    /// A FlinkValidate built from the parameters; always validating is the plugin's default. A value outside
    /// what the parameter takes is a usage error naming the variable: silently reading "warnigs" as "error",
    /// or a quote breaking the generated YAML, would gate the render on something nobody asked for.
    /// </summary>
    public static IReadOnlyList<FlinkResource> Validate(out string? error)
    {
        error = null;
        var failOn = Get("FAIL_ON");
        var disable = (Get("DISABLE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (failOn is not (null or "" or "error" or "warning"))
        {
            error = $"parameter FAIL_ON (PARAM_FAIL_ON or ARGOCD_ENV_FAIL_ON) must be error or warning, not '{failOn}'";
            return [];
        }
        if (disable.FirstOrDefault(d => !d.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) is { } bad)
        {
            error = $"parameter DISABLE (PARAM_DISABLE or ARGOCD_ENV_DISABLE) takes comma-separated rule ids or names, not '{bad}'";
            return [];
        }
        var yaml = "apiVersion: manifestflow.io/v1alpha1\nkind: FlinkValidate\nmetadata: {name: argocd-parameters}\nspec:\n" +
            $"  failOn: {(failOn is "warning" ? "warning" : "error")}\n" +
            $"  disable: [{string.Join(", ", disable.Select(d => "\"" + d + "\""))}]\n";
        var file = new Core.Yaml.SourceFile("<argocd parameters>", yaml);
        var document = Core.Yaml.YamlStreamReader.Read(file).Documents[0];
        return FlinkResource.From(document) is { } resource ? [resource] : [];
    }
}
