using System.Text.Json.Nodes;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Flink;

/// <summary>The blue/green template view and the operator's change rules, on inputs the goldens do not cover.</summary>
public sealed class BlueGreenAndSpecChangeTests
{
    private static FlinkResource Read(string yaml) => FlinkResource.From(Manifests.ReadText(yaml).Documents[0])!;

    private const string BlueGreen = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkBlueGreenDeployment
        metadata: {name: orders, namespace: streaming}
        spec:
          template:
            spec:
              flinkVersion: v1_20
              job: {upgradeMode: savepoint}
        status:
          blueGreenState: ACTIVE_GREEN
          jobStatus: {state: RUNNING}
          lastReconciledSpec: '{"spec":{"template":{"spec":{"flinkVersion":"v1_19","job":{"savepointRedeployNonce":4}}}}}'
        """;

    [Fact]
    public void Template_IsAFlinkDeploymentWhosePointersLieUnderSpecTemplate()
    {
        var view = BlueGreenTemplate.Of(Read(BlueGreen))!;
        Assert.Equal(ResourceKind.FlinkDeployment, view.Kind);
        Assert.Equal("FlinkBlueGreenDeployment", view.KindName);
        Assert.Equal("savepoint", view.Text(JsonPointer.Of("spec", "job", "upgradeMode")));
        Assert.Equal("/spec/template/spec/job/upgradeMode", view.InDocument(JsonPointer.Of("spec", "job", "upgradeMode")).ToString());
        Assert.Equal("/status/lastReconciledSpec", view.InDocument(JsonPointer.Of("status", "reconciliationStatus", "lastReconciledSpec")).ToString());
        Assert.Equal("/metadata/name", view.InDocument(JsonPointer.Of("metadata", "name")).ToString());
        // The reconciled template stands in for a FlinkDeployment's lastReconciledSpec (nonces compare against it).
        Assert.Equal(4, ReconciledSpec.LastReconciledJob(view)!["savepointRedeployNonce"]!.GetValue<long>());
        Assert.Equal("orders-green", BlueGreenTemplate.ActiveChild(view.BlueGreen!));
        Assert.Null(JobReadiness.Blocker(view));
    }

    [Theory]
    [InlineData("TRANSITIONING_TO_BLUE", "RECONCILING")]
    [InlineData("SAVEPOINTING_GREEN", "RUNNING")]
    [InlineData("ACTIVE_GREEN", "FAILING")]
    public void Template_IsNotReady_OutsideAnActiveRunningState(string state, string job)
    {
        var view = BlueGreenTemplate.Of(Read(BlueGreen.Replace("ACTIVE_GREEN", state, StringComparison.Ordinal).Replace("state: RUNNING", "state: " + job, StringComparison.Ordinal)))!;
        Assert.NotNull(JobReadiness.Blocker(view));
    }

    [Theory]
    [InlineData("spec: {template: oops}")]
    [InlineData("spec: {template: {spec: [1]}}")]
    [InlineData("spec: {}")]
    public void Template_IsAbsent_WhenTheTemplateSpecIsNotAMapping(string spec) =>
        Assert.Null(BlueGreenTemplate.Of(Read($"apiVersion: flink.apache.org/v1beta1\nkind: FlinkBlueGreenDeployment\nmetadata: {{name: x}}\n{spec}")));

    [Fact]
    public void Change_NamesWhatTheControllerDoes()
    {
        JsonObject Spec(string job, string image = "flink:1.20") => (JsonObject)JsonNode.Parse("{\"image\":\"" + image + "\",\"flinkVersion\":\"v1_20\",\"job\":{" + job + "}}")!;
        Assert.Contains("in-place suspend", BlueGreenTemplate.Change(Spec("\"upgradeMode\":\"savepoint\""), Spec("\"upgradeMode\":\"savepoint\",\"state\":\"suspended\"")), StringComparison.Ordinal);
        Assert.Contains("savepoint redeploy", BlueGreenTemplate.Change(Spec("\"savepointRedeployNonce\":1"), Spec("\"savepointRedeployNonce\":2")), StringComparison.Ordinal);
        Assert.Contains("patch of the active child", BlueGreenTemplate.Change(Spec("\"upgradeMode\":\"savepoint\""), Spec("\"upgradeMode\":\"last-state\"")), StringComparison.Ordinal);
        Assert.Contains("savepoint of the active child", BlueGreenTemplate.Change(Spec("\"upgradeMode\":\"savepoint\""), Spec("\"upgradeMode\":\"savepoint\"", "flink:1.20.1")), StringComparison.Ordinal);
        Assert.Null(BlueGreenTemplate.Change(Spec("\"upgradeMode\":\"savepoint\""), Spec("\"upgradeMode\":\"savepoint\"")));
    }

    private static FlinkResource Deployment(string spec) =>
        Read($"apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {{name: x}}\nspec: {spec}");

    [Fact]
    public void PartialReconciledSpec_ReportsNothingItCannotShow()
    {
        // A hand-written lastReconciledSpec with only a job: no mode, no flinkVersion, no configuration.
        var before = (JsonObject)JsonNode.Parse("""{"job":{"upgradeMode":"last-state","state":"suspended"}}""")!;
        var now = Deployment("{flinkVersion: v1_20, mode: standalone, flinkConfiguration: {state.savepoints.dir: s3://b/sp}, job: {upgradeMode: last-state}}");
        Assert.Empty(SpecChanges.Between(before, now, running: true));
    }

    [Fact]
    public void StatelessWithoutAnUpgrade_DropsNothing_ButWithOneItDoes()
    {
        var before = (JsonObject)JsonNode.Parse("""{"image":"a:1","flinkVersion":"v1_20","flinkConfiguration":{"kubernetes.operator.x":"1"},"job":{"upgradeMode":"savepoint"}}""")!;
        // Only the upgrade mode and an operator setting change: the spec diff ignores both, so nothing restarts.
        Assert.Empty(SpecChanges.Between(before, Deployment("{image: a:1, flinkVersion: v1_20, flinkConfiguration: {kubernetes.operator.x: 2}, job: {upgradeMode: stateless}}"), running: true));
        var dropped = Assert.Single(SpecChanges.Between(before, Deployment("{image: a:2, flinkVersion: v1_20, flinkConfiguration: {kubernetes.operator.x: 1}, job: {upgradeMode: stateless}}"), running: true));
        Assert.Equal(SpecChangeKind.UpgradeDropsState, dropped.Kind);
        // Not running: an upgrade of a job that does not run drops nothing now.
        Assert.Empty(SpecChanges.Between(before, Deployment("{image: a:2, flinkVersion: v1_20, flinkConfiguration: {kubernetes.operator.x: 1}, job: {upgradeMode: stateless}}"), running: false));
    }

    [Fact]
    public void ResumingStateless_DropsState_EvenWithoutOtherChanges()
    {
        var before = (JsonObject)JsonNode.Parse("""{"flinkVersion":"v1_20","job":{"upgradeMode":"last-state","state":"suspended"}}""")!;
        var change = Assert.Single(SpecChanges.Between(before, Deployment("{flinkVersion: v1_20, job: {upgradeMode: stateless, state: running}}"), running: false));
        Assert.Equal(SpecChangeKind.UpgradeDropsState, change.Kind);
        Assert.Contains("resumes the suspended job", change.Message, StringComparison.Ordinal);
    }
}
