using System.Text.Json.Nodes;
using ManifestFlow.Core.Schemas;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Schemas;

public sealed class SchemaSetTests
{
    public static TheoryData<string, string> EmbeddedKinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (group, kind) in SchemaSet.EmbeddedKinds.Select(e => (e.Group, e.Kind)).Distinct())
        {
            data.Add(group, kind);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EmbeddedKinds))]
    public void EveryEmbeddedCrd_ParsesAndServesAVersionWithASchema(string group, string kind)
    {
        var definitions = SchemaSet.Embedded.Find(group, kind);
        Assert.NotEmpty(definitions);
        foreach (var definition in definitions)
        {
            Assert.Equal((group, kind), (definition.Group, definition.Kind));
            var served = Assert.Single(definition.Versions, v => v.Served);
            Assert.Equal("v1beta1", served.Name);
            Assert.NotNull(served.Schema?["properties"]?["spec"]);
        }
    }

    [Fact]
    public void TheDevelopmentPreview_IsTheSameKind() =>
        Assert.Equal("FlinkDeployment", SchemaSet.Embedded.Preview("flink.apache.org", "FlinkDeployment")?.Kind);

    [Fact]
    public void AnUnknownKind_HasNoSchema() => Assert.Empty(SchemaSet.Embedded.Find("apps", "Deployment"));

    [Fact]
    public void AGivenCrd_ReplacesTheEmbeddedOnesOfItsKind_AndTheirPreview()
    {
        var loaded = SchemaSet.Load([new SourceFile("crds/fd.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            spec:
              group: flink.apache.org
              names: {kind: FlinkDeployment}
              versions: [{name: v1, served: true, schema: {openAPIV3Schema: {type: object}}}, {name: v1beta1, served: false}]
            """)], ReadLimits.Default);
        Assert.Empty(loaded.Errors);
        var set = SchemaSet.Embedded.With(loaded.Definitions);
        var definition = Assert.Single(set.Find("flink.apache.org", "FlinkDeployment"));
        Assert.Equal("crds/fd.yaml", definition.Origin);
        Assert.Equal(["v1"], definition.ServedVersions);
        Assert.Null(set.Preview("flink.apache.org", "FlinkDeployment"));
        Assert.NotEmpty(set.Find("flink.apache.org", "FlinkSessionJob"));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\n", "crds/x.yaml:1:1: not a CustomResourceDefinition")]
    [InlineData("- a\n", "crds/x.yaml:1:1: not a CustomResourceDefinition (not a mapping)")]
    [InlineData("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec: {group: g}\n", "crds/x.yaml:1:1: the CustomResourceDefinition has no spec.group or spec.names.kind")]
    public void AFileThatIsNotACrd_IsAnErrorWithItsPlace(string text, string error)
    {
        var loaded = SchemaSet.Load([new SourceFile("crds/x.yaml", text)], ReadLimits.Default);
        Assert.Empty(loaded.Definitions);
        Assert.StartsWith(error, Assert.Single(loaded.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AV1beta1Crd_SharesItsValidationSchemaAcrossVersions()
    {
        var crd = JsonNode.Parse("""{"apiVersion":"apiextensions.k8s.io/v1beta1","kind":"CustomResourceDefinition","spec":{"group":"g","names":{"kind":"K"},"validation":{"openAPIV3Schema":{"type":"object"}},"versions":[{"name":"v1","served":true}]}}""")!.AsObject();
        var definition = CrdDefinition.From(crd, "x", out var error);
        Assert.Null(error);
        Assert.NotNull(Assert.Single(definition!.Versions).Schema);
    }
}
