using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Rules;

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
        if (failOn is not (null or "" or "error" or "warning"))
        {
            error = "parameter FAIL_ON (PARAM_FAIL_ON or ARGOCD_ENV_FAIL_ON): " + Commands.Choices.NotOneOf("it", failOn, ["error", "warning"]);
            return [];
        }
        // Resolved to catalogue ids (names accepted), so only ids reach the YAML below and a typo is an error,
        // not a rule silently left on.
        var disable = RuleLookup.Resolve([Get("DISABLE") ?? ""]);
        if (disable.Errors.Count > 0)
        {
            error = "parameter DISABLE (PARAM_DISABLE or ARGOCD_ENV_DISABLE): " + string.Join("; ", disable.Errors);
            return [];
        }
        var yaml = "apiVersion: manifestflow.io/v1alpha1\nkind: FlinkValidate\nmetadata: {name: argocd-parameters}\nspec:\n" +
            $"  failOn: {(failOn is "warning" ? "warning" : "error")}\n" +
            $"  disable: [{string.Join(", ", disable.Ids.Order(StringComparer.Ordinal).Select(d => "\"" + d + "\""))}]\n";
        var file = new Core.Yaml.SourceFile("<argocd parameters>", yaml);
        var document = Core.Yaml.YamlStreamReader.Read(file).Documents[0];
        return FlinkResource.From(document) is { } resource ? [resource] : [];
    }
}
