using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Schemas;

namespace ManifestFlow.Tests.Schemas;

public sealed class StructuralValidatorTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type":"object","properties":{
          "mode":{"type":"string","enum":["native","standalone"]},
          "replicas":{"type":"integer","format":"int32"},
          "memory":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]},
          "labels":{"type":"object","additionalProperties":{"type":"string"}},
          "args":{"type":"array","items":{"type":"string"}},
          "config":{"x-kubernetes-preserve-unknown-fields":true},
          "empty":{"type":"object"},
          "either":{"oneOf":[{"type":"boolean"},{"type":"string"}]}}}
        """)!.AsObject();

    private static List<SchemaProblem> Check(string json)
    {
        var problems = new List<SchemaProblem>();
        StructuralValidator.Validate(JsonNode.Parse(json), Schema, JsonPointer.Root, "spec", StructuralValidator.Mode.Strict, problems);
        return problems;
    }

    [Fact]
    public void AValidValue_HasNoProblems() =>
        Assert.Empty(Check("""{"mode":null,"replicas":2,"memory":"2g","labels":{"a":"b"},"args":["x"],"config":{"any":{"thing":1}},"empty":{},"either":true}"""));

    [Theory]
    [InlineData("""{"replicas":"2"}""", "/replicas", "spec.replicas must be an integer, not the string \"2\"")]
    [InlineData("""{"replicas":2.5}""", "/replicas", "spec.replicas must be an integer, not the number 2.5")]
    [InlineData("""{"replicas":3000000000}""", "/replicas", "spec.replicas must be a 32-bit integer, not the number 3000000000")]
    [InlineData("""{"memory":true}""", "/memory", "spec.memory must be an integer or a string, not true")]
    [InlineData("""{"labels":{"team":7}}""", "/labels/team", "spec.labels.team must be a string, not the number 7")]
    [InlineData("""{"args":["a",1]}""", "/args/1", "spec.args[1] must be a string, not the number 1")]
    [InlineData("""{"either":3}""", "/either", "spec.either must be a boolean or a string, not the number 3")]
    public void AWrongType_IsOneProblemAtItsPlace(string json, string pointer, string message)
    {
        var problem = Assert.Single(Check(json));
        Assert.Equal(SchemaProblemKind.WrongType, problem.Kind);
        Assert.Equal(pointer, problem.Pointer.ToString());
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void AnUnknownValue_SuggestsTheNearest()
    {
        var problem = Assert.Single(Check("""{"mode":"standalon"}"""));
        Assert.Equal(SchemaProblemKind.NotInEnum, problem.Kind);
        Assert.Equal("standalone", problem.Suggestion);
        Assert.Contains("(one of native, standalone)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"replica":1}""", "/replica", "replicas")]
    [InlineData("""{"empty":{"x":1}}""", "/empty/x", null)]
    [InlineData("""{"zzzzzzzz":1}""", "/zzzzzzzz", null)]
    public void AnUndeclaredField_IsUnknown_WithASuggestionWhenOneIsClose(string json, string pointer, string? suggestion)
    {
        var problem = Assert.Single(Check(json));
        Assert.Equal(SchemaProblemKind.UnknownField, problem.Kind);
        Assert.Equal(pointer, problem.Pointer.ToString());
        Assert.Equal(suggestion, problem.Suggestion);
    }

    [Fact]
    public void TypesOnly_IgnoresUnknownFields_ButNotWrongTypes()
    {
        var problems = new List<SchemaProblem>();
        StructuralValidator.Validate(JsonNode.Parse("""{"newField":1,"replicas":"x"}"""), Schema, JsonPointer.Root, "status", StructuralValidator.Mode.TypesOnly, problems);
        Assert.Equal(SchemaProblemKind.WrongType, Assert.Single(problems).Kind);
    }

    [Fact]
    public void UnderAWrongType_NothingElseIsReported() =>
        Assert.Single(Check("""{"labels":["a",{"b":1}]}"""));
}
