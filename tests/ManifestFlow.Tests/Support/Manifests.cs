using System.Text.Json.Nodes;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Support;

/// <summary>Reads manifests through the product's own reader.</summary>
internal static class Manifests
{
    public static YamlStreamReader.Result Read(string path)
    {
        var file = SourceDecoder.Decode(path, File.ReadAllBytes(path), out var error);
        Assert.True(file is not null, error?.ToString());
        return YamlStreamReader.Read(file!);
    }

    public static YamlStreamReader.Result ReadText(string text, string path = "test.yaml") =>
        YamlStreamReader.Read(new SourceFile(path, text));

    public static List<JsonNode?> Values(YamlStreamReader.Result result) =>
        result.Documents.Where(d => !d.IsEmpty).Select(d => d.Value).ToList();

    /// <summary>Every example manifest of the shared corpus, as paths relative to ../shared.</summary>
    public static TheoryData<string> CorpusExamples()
    {
        var data = new TheoryData<string>();
        if (SharedCorpus.Root is null)
        {
            data.Add("(corpus absent)");
            return data;
        }
        foreach (var file in SharedCorpus.Files("corpus", "*.yaml").Where(f => f.Contains($"{Path.DirectorySeparatorChar}examples{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(SharedCorpus.Root, file));
        }
        return data;
    }
}
