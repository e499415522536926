using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ManifestFlow.Tests.Support;

/// <summary>The reference for what a manifest means: <c>kubectl patch --local --type json -o json</c>.</summary>
internal static class Kubectl
{
    /// <summary>Applies <paramref name="patchJson"/> to every object in <paramref name="file"/>; returns one JSON value per object, or the error.</summary>
    public static (List<JsonNode?>? Objects, string? Error) Patch(string file, string patchJson = "[]")
    {
        var kubectl = ExternalTool.Require("kubectl");
        var result = ExternalTool.Run(kubectl, ["patch", "--local", "-f", file, "--type", "json", "-p", patchJson, "-o", "json"]);
        if (result.ExitCode != 0)
        {
            return (null, result.Stderr.Trim());
        }
        return (ParseStream(result.Stdout), null);
    }

    /// <summary>kubectl prints one JSON object per input object, concatenated.</summary>
    public static List<JsonNode?> ParseStream(string json)
    {
        var values = new List<JsonNode?>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 2048 });
        while (reader.Read())
        {
            values.Add(JsonNode.Parse(ref reader));
        }
        return values;
    }

    /// <summary>kubectl's YAML rendering of the same patch, for comparing diff sizes.</summary>
    public static string? PatchToYaml(string file, string patchJson)
    {
        var kubectl = ExternalTool.Require("kubectl");
        var result = ExternalTool.Run(kubectl, ["patch", "--local", "-f", file, "--type", "json", "-p", patchJson, "-o", "yaml"]);
        return result.ExitCode == 0 ? result.Stdout : null;
    }
}
