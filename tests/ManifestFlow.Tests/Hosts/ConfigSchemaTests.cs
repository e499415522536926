using System.Text.Json.Nodes;
using ManifestFlow.Core.Declarative;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

/// <summary>The JSON Schema editors complete from lists exactly the fields the reader accepts.</summary>
public sealed class ConfigSchemaTests
{
    [Theory]
    [InlineData("FlinkBackup", "backup")]
    [InlineData("FlinkRestore", "restore")]
    [InlineData("FlinkSuspend", "suspend")]
    [InlineData("FlinkValidate", "validate")]
    public void Schema_ListsTheFieldsTheReaderAccepts(string kind, string definition)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "schemas", "manifestflow.io_v1alpha1.schema.json")))!;
        var properties = schema["$defs"]![definition]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(ConfigResource.SpecFields(kind).Order(StringComparer.Ordinal), properties);
        var target = schema["$defs"]!["target"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(ConfigResource.TargetFieldNames.Order(StringComparer.Ordinal), target);
    }
}
