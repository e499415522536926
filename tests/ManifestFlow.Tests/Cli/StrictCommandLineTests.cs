using System.Diagnostics;
using ManifestFlow.Core.Output;
using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Cli;

/// <summary>
/// A mistake on the command line, in an Argo CD parameter or in a FlinkValidate is an error that says
/// what was meant, never a silently different run. The exact messages of the command-line cases are
/// golden cases under fixtures/cli/; these cover what a golden case cannot (variables, other front ends).
/// </summary>
public sealed class StrictCommandLineTests
{
    [Theory]
    [InlineData("MF1005", "MF1005")]
    [InlineData("mf1005", "MF1005")]
    [InlineData("directory-not-persistent", "MF1005")]
    [InlineData(" MR002 ", "MR002")]
    public void RuleLookup_AcceptsIdsInAnyCaseAndNames(string text, string id) =>
        Assert.Equal(id, RuleLookup.Find(text)?.Id);

    [Theory]
    [InlineData("MF1O05", "did you mean MF1005?")]
    [InlineData("directory-not-persistant", "did you mean directory-not-persistent?")]
    [InlineData("MF9999", "('manifestflow rules' lists them)")]
    public void RuleLookup_UnknownEntry_IsAnErrorWithTheNearestRule(string text, string expected)
    {
        var resolution = RuleLookup.Resolve([$"MF1006,{text}"]);
        Assert.Equal(["MF1006"], resolution.Ids);
        var error = Assert.Single(resolution.Errors);
        Assert.StartsWith($"unknown rule '{text}'", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Validate_OnlyWithATypo_ExitsTwo_InsteadOfCheckingNothing()
    {
        var dir = TestTemp.Directory("mf-only-typo");
        File.WriteAllText(Path.Combine(dir, "deployment.yaml"), RuleCatalog.DirectoriesEqual.Bad);
        var typo = CliRunner.Run(["validate", "--only", "MF1O02", "."], workingDirectory: dir);
        Assert.Equal(2, typo.ExitCode);
        Assert.Equal("", typo.Stdout);
        Assert.Contains("did you mean MF1002?", typo.StandardError);
        var byName = CliRunner.Run(["validate", "--only", "directories-equal", "."], workingDirectory: dir);
        Assert.Equal(1, byName.ExitCode);
        Assert.Contains("error MF1002:", byName.Stdout);
        var disabledByName = CliRunner.Run(["validate", "--disable", "directories-equal,MF1003", "."], workingDirectory: dir);
        Assert.True(disabledByName.ExitCode == 0, disabledByName.Stdout + disabledByName.StandardError);
    }

    [Fact]
    public void Validate_FailOnNone_ReportsFindings_ButExitsZero_AndStillTwoForUnreadableInput()
    {
        var dir = TestTemp.Directory("mf-fail-on-none");
        File.WriteAllText(Path.Combine(dir, "deployment.yaml"), RuleCatalog.DirectoriesEqual.Bad);
        var none = CliRunner.Run(["validate", "--fail-on", "none", "."], workingDirectory: dir);
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("error MF1002:", none.Stdout);
        File.WriteAllText(Path.Combine(dir, "broken.yaml"), "a: [\n");
        Assert.Equal(2, CliRunner.Run(["validate", "--fail-on", "none", "."], workingDirectory: dir).ExitCode);
    }

    [Theory]
    [InlineData("PARAM_FAIL_ON", "warnings", "parameter FAIL_ON (PARAM_FAIL_ON or ARGOCD_ENV_FAIL_ON): it takes error or warning, not 'warnings'; did you mean warning?")]
    [InlineData("PARAM_DISABLE", "MF4002,MF40O1", "parameter DISABLE (PARAM_DISABLE_0.., PARAM_DISABLE or ARGOCD_ENV_DISABLE): unknown rule 'MF40O1'; did you mean MF4001? ('manifestflow rules' lists them)")]
    [InlineData("ARGOCD_ENV_DISABLE", "snapshot-dispose-on-delet", "parameter DISABLE (PARAM_DISABLE_0.., PARAM_DISABLE or ARGOCD_ENV_DISABLE): unknown rule 'snapshot-dispose-on-delet'; did you mean snapshot-dispose-on-delete? ('manifestflow rules' lists them)")]
    public void Generate_ParameterTypo_IsAUsageError_NamingTheVariableAndTheNearestValue(string variable, string value, string message)
    {
        var (code, stdout, stderr) = Generate(ToolWrapper.CopyApp("mf-argo-typo"), (variable, value));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"manifestflow: {message}\n", stderr);
    }

    [Fact]
    public void Generate_DisableByName_TurnsTheRuleOff()
    {
        var dir = ToolWrapper.CopyApp("mf-argo-name");
        File.Delete(Path.Combine(dir, "restore.manifestflow.yaml"));
        var backup = Path.Combine(dir, "application-cluster-prod-backup.yaml");
        File.WriteAllText(backup, File.ReadAllText(backup).Replace("    disposeOnDelete: false\n", "", StringComparison.Ordinal));
        Assert.NotEqual(0, Generate(dir, ("PARAM_FAIL_ON", "warning")).ExitCode);
        var byName = Generate(dir, ("PARAM_FAIL_ON", "warning"), ("PARAM_DISABLE", RuleLookup.Find("MF4002")!.Name));
        Assert.True(byName.ExitCode == 0, byName.Stderr);
    }

    [Fact]
    public void FlinkValidate_DisableWithAnUnknownRule_IsAnErrorAtThatEntry()
    {
        var dir = TestTemp.Directory("mf-flinkvalidate-typo");
        File.WriteAllText(Path.Combine(dir, "deployment.yaml"), RuleCatalog.DirectoriesEqual.Good);
        File.WriteAllText(Path.Combine(dir, "checks.yaml"),
            "apiVersion: manifestflow.io/v1alpha1\nkind: FlinkValidate\nmetadata: {name: checks}\nspec:\n  disable:\n    - directory-hostpath\n    - MF1OO7\n");
        var outcome = CliRunner.Run(["validate", "."], workingDirectory: dir);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("./checks.yaml:7:7: error MF0401: spec.disable: unknown rule 'MF1OO7'; did you mean MF1007?", outcome.Stdout);
    }

    [Fact]
    public void KrmFunctionConfig_DisableWithAnUnknownRule_IsAnErrorResult()
    {
        var list = File.ReadAllText(Path.Combine(Golden.FixturesRoot, "help-examples", "validate-list.yaml"))
            .Replace("spec: {failOn: warning}", "spec: {failOn: warning, disable: [MF4O02]}", StringComparison.Ordinal);
        var outcome = CliRunner.Run(["fn"], System.Text.Encoding.UTF8.GetBytes(list));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("- message: \"spec.disable: unknown rule 'MF4O02'; did you mean MF4002? ('manifestflow rules' lists them)\"\n  severity: error\n", outcome.Stdout);
    }

    [Fact]
    public void RulesOfOneRule_IsItsSectionOfDocsRulesMd_ForEveryRule()
    {
        var docs = File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "docs", "rules.md"));
        foreach (var rule in RuleCatalog.All)
        {
            var byId = CliRunner.Run(["rules", rule.Id]);
            Assert.Equal(0, byId.ExitCode);
            Assert.Equal(RulesDocument.Section(rule), byId.Stdout);
            Assert.Contains("\n" + byId.Stdout + "\n", docs);
            Assert.Equal(byId.Stdout, CliRunner.Run(["rules", rule.Name]).Stdout);
        }
    }

    [Fact]
    public void RulesList_HasOneLinePerRule()
    {
        var lines = CliRunner.Run(["rules"]).Stdout.Split('\n');
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Single(lines, l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal) && l.Contains($"  {rule.Name} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BashCompletion_CompletesCommandsOptionsValuesAndRuleIds_AndLeavesPathsToBash()
    {
        var bash = ExternalTool.Require("bash");
        var bin = TestTemp.Directory("mf-completion");
        File.Move(ToolWrapper.Create(bin), Path.Combine(bin, "manifestflow"));
        var script = $$"""
            export PATH='{{bin}}':"$PATH"
            source <(manifestflow completion bash)
            complete -p manifestflow
            t() {
                COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
                read -ra COMP_WORDS <<< "$COMP_LINE"
                [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                _manifestflow_complete
                echo "$1|${#COMPREPLY[@]}|${COMPREPLY[*]}"
            }
            t "manifestflow re"
            t "manifestflow validate --f"
            t "manifestflow validate --format "
            t "manifestflow validate --fail-on n"
            t "manifestflow validate --only MF100"
            t "manifestflow backup --emit k"
            t "manifestflow completion "
            t "manifestflow validate "
            t "manifestflow rules directory-n"
            """;
        var run = ExternalTool.Run(bash, ["-c", script.Replace("\r", "", StringComparison.Ordinal)], bin);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(
            """
            complete -o bashdefault -o default -F _manifestflow_complete manifestflow
            manifestflow re|2|restore review
            manifestflow validate --f|2|--fail-on --format
            manifestflow validate --format |5|github json junit sarif text
            manifestflow validate --fail-on n|1|none
            manifestflow validate --only MF100|9|MF1001 MF1002 MF1003 MF1004 MF1005 MF1006 MF1007 MF1008 MF1009
            manifestflow backup --emit k|1|kustomize
            manifestflow completion |3|bash fish zsh
            manifestflow validate |0|
            manifestflow rules directory-n|1|directory-not-persistent
            
            """.Replace("\r", "", StringComparison.Ordinal), run.Stdout);
    }

    [Fact]
    public void ZshCompletion_OffersManifestflowsSuggestions_AndFilesWhereItHasNone()
    {
        var zsh = ExternalTool.Require("zsh");
        var bin = TestTemp.Directory("mf-completion-zsh");
        File.Move(ToolWrapper.Create(bin), Path.Combine(bin, "manifestflow"));
        File.WriteAllText(Path.Combine(bin, "_manifestflow"), CliRunner.Run(["completion", "zsh"]).Stdout);
        // compadd and _files exist only inside a completion widget; these print what would be offered.
        var script = $$"""
            export PATH='{{bin}}':"$PATH"
            compdef() { }
            compadd() { [[ "$1" == "--" ]] && shift; print -r -- "${(j: :)@}"; }
            _files() { print -r -- "<files>"; }
            source '{{bin}}/_manifestflow'
            t() { words=(${(z)1}); [[ "$1" == *" " ]] && words+=(""); CURRENT=${#words}; print -n -- "$1|"; _manifestflow; }
            t "manifestflow validate --format "
            t "manifestflow backup --method "
            t "manifestflow validate "
            t "manifestflow validate --only MF100"
            """;
        var run = ExternalTool.Run(zsh, ["-f", "-c", script.Replace("\r", "", StringComparison.Ordinal)], bin);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(
            """
            manifestflow validate --format |github json junit sarif text
            manifestflow backup --method |nonce snapshot
            manifestflow validate |<files>
            manifestflow validate --only MF100|MF1001 MF1002 MF1003 MF1004 MF1005 MF1006 MF1007 MF1008 MF1009

            """.Replace("\r", "", StringComparison.Ordinal), run.Stdout);
    }

    [Fact]
    public void FishCompletion_OffersManifestflowsSuggestions_AndFilesWhereItHasNone()
    {
        var fish = ExternalTool.Require("fish");
        var bin = TestTemp.Directory("mf-completion-fish");
        File.Move(ToolWrapper.Create(bin), Path.Combine(bin, "manifestflow"));
        File.WriteAllText(Path.Combine(bin, "manifestflow.fish"), CliRunner.Run(["completion", "fish"]).Stdout);
        File.WriteAllText(Path.Combine(bin, "a-manifest.yaml"), "");
        var script = $"set -x PATH '{bin}' $PATH; source '{bin}/manifestflow.fish'; " +
            "complete -C 'manifestflow validate --format '; echo ---; complete -C 'manifestflow validate a-'; echo ---; complete -C 'manifestflow rules directory-n'";
        var run = ExternalTool.Run(fish, ["--no-config", "-c", script], bin);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("github\njson\njunit\nsarif\ntext\n---\na-manifest.yaml\n---\ndirectory-not-persistent\n", run.Stdout);
    }

    [Theory]
    [InlineData("bash", "complete -o default")]
    [InlineData("zsh", "#compdef manifestflow")]
    [InlineData("fish", "complete -c manifestflow")]
    public void CompletionScript_IsPrintedForEachShell(string shell, string expected)
    {
        var outcome = CliRunner.Run(["completion", shell]);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(expected, outcome.Stdout);
        Assert.Contains("[suggest:", outcome.Stdout);
    }

    private static (int ExitCode, string Stdout, string Stderr) Generate(string appDir, params (string Name, string Value)[] env)
    {
        var info = new ProcessStartInfo(ExternalTool.Require("dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = appDir,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "manifestflow.dll"));
        info.ArgumentList.Add("generate");
        info.ArgumentList.Add(".");
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("PARAM_", StringComparison.Ordinal) || k.StartsWith("ARGOCD_ENV_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "generate did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
