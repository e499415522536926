using System.Text;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Schemas;
using ManifestFlow.Core.Yaml;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Schemas;

/// <summary>
/// The embedded CRDs are the compact JSON form of the operators' YAML files kept beside them: each must be
/// exactly what <see cref="CrdCompaction"/> makes of its original (MANIFESTFLOW_UPDATE_GOLDEN=1 rewrites them
/// after a CRD is updated), and the compaction drops only documentation.
/// </summary>
public sealed class CompactCrdTests
{
    private static readonly string Crds = Path.Combine(SharedCorpus.RepositoryRoot, "src", "ManifestFlow.Core", "Schemas", "Crds");

    public static TheoryData<string> Originals()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Crds, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Crds, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Originals))]
    public void EmbeddedJson_IsTheCompactFormOfItsOriginal(string original)
    {
        var crd = Read(Path.Combine(Crds, original));
        var compact = Path.Combine(Crds, "compact", original + ".json");

        Golden.AssertBytes(compact, Encoding.UTF8.GetBytes(CrdCompaction.Compact(crd)));
    }

    [Fact]
    public void Compaction_DropsDescriptionText_ButKeepsAFieldNamedDescription()
    {
        var crd = (JsonObject)JsonNode.Parse("""
            {"description": "doc", "properties": {"description": {"type": "string", "description": "doc"}, "n": {"type": "integer", "description": "doc"}}}
            """)!;

        Assert.Equal("""{"properties":{"description":{"type":"string"},"n":{"type":"integer"}}}""" + "\n", CrdCompaction.Compact(crd));
    }

    [Fact]
    public void EveryOriginal_HasAnEmbeddedJson()
    {
        var originals = Originals().Select(row => row.Data + ".json").Order(StringComparer.Ordinal);
        var embedded = Directory.EnumerateFiles(Path.Combine(Crds, "compact"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Crds, "compact"), f)).Order(StringComparer.Ordinal);
        Assert.Equal(originals, embedded);
    }

    private static JsonObject Read(string path)
    {
        var read = YamlStreamReader.Read(new SourceFile(path, File.ReadAllText(path)), ReadLimits.Default);
        return Assert.IsType<JsonObject>(read.Documents.First(d => d.Value is JsonObject).Value);
    }
}
