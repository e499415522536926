using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Settings;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Settings;

/// <summary>The settings file read strictly: every mistake at its own line and column, with the nearest known name.</summary>
public sealed class SettingsReaderTests
{
    private static SettingsReader.Result Read(string yaml) => SettingsReader.Read(new SourceFile(".manifestflow.yaml", yaml));

    [Fact]
    public void EverySetting_IsRead_AndRuleNamesBecomeIds()
    {
        var result = Read("failOn: warning\ndisable: [directories-nested, mf1007]\nonly: [MF1002]\nseverity: {MF4005: error, directory-ephemeral-volume: info}\nexclude: [charts/**]\nskipKinds: [ConfigMap]\n");
        Assert.Empty(result.Errors);
        var settings = result.Settings!;
        Assert.Equal(Severity.Warning, settings.FailOn);
        Assert.Equal(["MF1003", "MF1007"], settings.Disable.Order());
        Assert.Equal(["MF1002"], settings.Only);
        Assert.Equal(Severity.Error, settings.Severities["MF4005"]);
        Assert.Single(settings.Severities, s => s.Value == Severity.Info);
        Assert.Equal(["charts/**"], settings.Exclude);
        Assert.Equal(["ConfigMap"], settings.SkipKinds);
    }

    [Fact]
    public void Mistakes_AreEachReportedAtTheirPosition_WithASuggestion()
    {
        var result = Read("failOn: warnings\ndisable:\n  - MF1003\n  - MF9999\nseverty: {}\nseverity:\n  directories-nestd: error\n  MF0001: warning\n");
        Assert.Null(result.Settings);
        var lines = result.Errors.Select(e => $"{e.Line}:{e.Column} {e.RuleId} {e.Message}").ToList();
        Assert.Contains("1:9 MF0401 failOn 'warnings' is not one of error, warning; did you mean warning?", lines);
        Assert.Contains(lines, l => l.StartsWith("4:5 MF0401 unknown rule 'MF9999'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5:1 MF0401 unknown setting 'severty'; did you mean severity?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("7:3 MF0401 unknown rule 'directories-nestd'; did you mean directories-nested?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("8:3 MF0401 the severity of MF0001 (yaml-syntax) cannot be changed", StringComparison.Ordinal));
    }

    [Fact]
    public void AConfigResourceInTheSettingsFile_IsRefusedWithWhereItBelongs()
    {
        // *.manifestflow.yaml is the Argo CD discovery glob for config resources; .manifestflow.yaml is only settings.
        var result = Read("apiVersion: manifestflow.io/v1alpha1\nkind: FlinkValidate\nmetadata: {name: v}\nspec: {failOn: warning}\n");
        Assert.Null(result.Settings);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("validate.manifestflow.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusalsAndUnreadableInput_CannotBeLowered()
    {
        foreach (var id in new[] { "MF0301", "MF0401", "MF0101", "MF0006" })
        {
            var result = Read($"severity: {{{id}: warning}}\n");
            Assert.Null(result.Settings);
            Assert.Contains("cannot be changed", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnEmptyFile_ChangesNothing()
    {
        var result = Read("# nothing yet\n");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Settings!.Disable);
    }
}

/// <summary>The settings schema editors complete from lists exactly what the reader accepts.</summary>
public sealed class SettingsSchemaTests
{
    [Fact]
    public void Schema_ListsTheSettingsTheReaderAccepts_AndEveryRuleIdAndNameFitsItsPattern()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Support.SharedCorpus.RepositoryRoot, "schemas", "manifestflow-settings.schema.json")))!;
        Assert.Equal(SettingsReader.Keys.Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var pattern = new System.Text.RegularExpressions.Regex(schema["$defs"]!["rule"]!["pattern"]!.ToString());
        Assert.All(Core.Rules.RuleCatalog.All, r => Assert.True(pattern.IsMatch(r.Id) && pattern.IsMatch(r.Name), r.Id));
    }
}
