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

    /// <summary>The reader takes every rule id and name in spec.disable, so the schema must not flag one.</summary>
    [Fact]
    public void Schema_AcceptsEveryRuleIdAndName_InDisable()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "schemas", "manifestflow.io_v1alpha1.schema.json")))!;
        var pattern = new System.Text.RegularExpressions.Regex(schema["$defs"]!["validate"]!["properties"]!["disable"]!["items"]!["pattern"]!.GetValue<string>());
        foreach (var rule in Core.Rules.RuleCatalog.All)
        {
            Assert.Matches(pattern, rule.Id);
            Assert.Matches(pattern, rule.Name);
        }
    }
}
