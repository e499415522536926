using System.Text.Json;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// Argo CD plugin parameters. Argo CD passes an Application's <c>spec.source.plugin.parameters</c> twice:
/// as JSON in ARGOCD_APP_PARAMETERS, and as PARAM_* variables (name upper-cased, other characters '_'):
/// a string as PARAM_FAIL_ON, an array as PARAM_DISABLE_0, PARAM_DISABLE_1, ... (no PARAM_DISABLE at all).
/// <c>spec.source.plugin.env</c> arrives as ARGOCD_ENV_*. fail-on (error|warning) and disable (rule ids or
/// names; an array as deploy/argocd/plugin.yaml announces it, or a comma-separated string) tune the
/// validation that gates every render.
/// </summary>
internal static class Parameters
{
    /// <summary>The parameters the plugin announces, with the collection type each takes.</summary>
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        ["fail-on"] = ["string"],
        ["disable"] = ["array", "string"],
    };

    private static readonly string[] Collections = ["string", "array", "map"];

    public static string? Get(string name) =>
        Environment.GetEnvironmentVariable("PARAM_" + name) ?? Environment.GetEnvironmentVariable("ARGOCD_ENV_" + name);

    /// <summary>
    /// The disable list from every form it can arrive in: the array items (PARAM_DISABLE_0..), a string
    /// (PARAM_DISABLE, what an Application written for the earlier string parameter sets) and
    /// ARGOCD_ENV_DISABLE; each may itself be comma-separated.
    /// </summary>
    private static List<string> DisableList()
    {
        var values = new List<string>();
        for (var i = 0; Environment.GetEnvironmentVariable($"PARAM_DISABLE_{i}") is { } item; i++)
        {
            values.Add(item);
        }
        values.Add(Environment.GetEnvironmentVariable("PARAM_DISABLE") ?? "");
        values.Add(Environment.GetEnvironmentVariable("ARGOCD_ENV_DISABLE") ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    /// <summary>
    /// A parameter the plugin does not take, or one given as the wrong collection, in ARGOCD_APP_PARAMETERS.
    /// Its PARAM_* variables would otherwise be ignored without a word: a misspelt "disabel" would gate
    /// the render on the very rule the user meant to turn off.
    /// </summary>
    private static string? CheckAnnounced()
    {
        var json = Environment.GetEnvironmentVariable("ARGOCD_APP_PARAMETERS");
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            // An Application without parameters (`plugin: {}`, or only env) arrives as "null": Go marshals a nil list so.
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return "ARGOCD_APP_PARAMETERS must be a JSON array of parameters";
            }
            foreach (var parameter in document.RootElement.EnumerateArray())
            {
                var name = parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (!Known.TryGetValue(name, out var collections))
                {
                    return $"unknown plugin parameter '{TerminalText.Escape(name)}' (the plugin takes {string.Join(" and ", Known.Keys)})";
                }
                var given = Collections.Where(c => parameter.TryGetProperty(c, out _)).ToList();
                if (given.FirstOrDefault(c => !collections.Contains(c)) is { } wrong)
                {
                    return $"parameter {name} has collection type {wrong}; it takes {string.Join(" or ", collections)}";
                }
            }
            return null;
        }
        catch (JsonException e)
        {
            return $"ARGOCD_APP_PARAMETERS is not valid JSON: {TerminalText.Escape(e.Message)}";
        }
    }

    /// <summary>
    /// A FlinkValidate built from the parameters; always validating is the plugin's default. A value outside
    /// what the parameter takes is a usage error naming the variable: silently reading "warnigs" as "error",
    /// or a quote breaking the generated YAML, would gate the render on something nobody asked for.
    /// </summary>
    public static IReadOnlyList<FlinkResource> Validate(out string? error)
    {
        error = CheckAnnounced();
        if (error is not null)
        {
            return [];
        }
        var failOn = Get("FAIL_ON");
        if (failOn is not (null or "" or "error" or "warning"))
        {
            error = "parameter FAIL_ON (PARAM_FAIL_ON or ARGOCD_ENV_FAIL_ON): " + Commands.Choices.NotOneOf("it", failOn, ["error", "warning"]);
            return [];
        }
        // Resolved to catalogue ids (names accepted), so only ids reach the YAML below and a typo is an error,
        // not a rule silently left on.
        var disable = RuleLookup.Resolve(DisableList());
        if (disable.Errors.Count > 0)
        {
            error = "parameter DISABLE (PARAM_DISABLE_0.., PARAM_DISABLE or ARGOCD_ENV_DISABLE): " + string.Join("; ", disable.Errors);
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
