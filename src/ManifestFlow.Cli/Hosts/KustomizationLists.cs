using System.Text.Json.Nodes;
using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// Which list of the kustomization a plugin config sits in. Kustomize does not tell an exec plugin whether
/// it runs as a transformer or a validator, and the two contracts are opposite: a validator must print
/// nothing, a transformer that prints nothing deletes every resource. Kustomize runs the plugin in the
/// kustomization's directory, so its own file says.
/// </summary>
internal static class KustomizationLists
{
    private static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>True when the kustomization in <paramref name="root"/> lists <paramref name="config"/> under transformers:.</summary>
    public static bool ListsAsTransformer(string root, FlinkResource config)
    {
        var file = FileNames.Select(f => Path.Combine(root, f)).FirstOrDefault(File.Exists);
        if (file is null || Parse(file, File.ReadAllText(file)).FirstOrDefault()?["transformers"] is not JsonArray entries)
        {
            return false;
        }
        foreach (var entry in entries.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>())
        {
            // An entry is a file next to the kustomization, or the config written inline.
            var path = Path.Combine(root, entry);
            var text = entry.Contains('\n', StringComparison.Ordinal) ? entry : File.Exists(path) ? File.ReadAllText(path) : null;
            if (text is not null && Parse(path, text).Any(v => Same(v, config)))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<JsonNode?> Parse(string path, string text) =>
        YamlStreamReader.Read(new SourceFile(path, text)).Documents.Where(d => !d.IsEmpty).Select(d => d.Value);

    private static bool Same(JsonNode? value, FlinkResource config) =>
        value?["apiVersion"]?.ToString() == ConfigResource.ApiVersion && value["kind"]?.ToString() == config.Ref.Kind &&
        value["metadata"]?["name"]?.ToString() == config.Name;
}
