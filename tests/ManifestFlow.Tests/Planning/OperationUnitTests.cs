using ManifestFlow.Core.Operations;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Planning;

/// <summary>The operations' planning steps called directly, without the command line or a file system.</summary>
public sealed class OperationUnitTests
{
    private const string Running = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: orders, namespace: streaming}
        spec:
          image: flink:1.20
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://flink-state/orders/checkpoints
            execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints
          jobManager: {resource: {memory: 2048m, cpu: 1}}
          taskManager: {resource: {memory: 2048m, cpu: 1}}
          job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, savepointTriggerNonce: 4}
        status:
          jobManagerDeploymentStatus: READY
          jobStatus:
            state: RUNNING
            savepointInfo: {lastSavepoint: {triggerNonce: 6}}
        """;

    private static OperationPlanner.Result Plan(OperationRequest request, string yaml = Running) =>
        OperationPlanner.Plan(request, Validator.Validate([new SourceFile("orders.yaml", yaml)], ReadLimits.Default));

    [Fact]
    public void BackupByNonce_TakesOneAboveEveryNonceInSpecAndStatus()
    {
        var plan = Plan(new BackupRequest("orders", null) { Method = BackupMethod.Nonce }).Plan!;
        Assert.Equal("nonce", plan.Method);
        var step = plan.Steps.Single(s => s.Path.ToString() == "/spec/job/savepointTriggerNonce");
        Assert.Equal(7, step.NewValue!.GetValue<long>());
    }

    [Fact]
    public void BackupByNonce_WithAUsedNonce_IsRefusedAtTheNonce()
    {
        var result = Plan(new BackupRequest("orders", null) { Method = BackupMethod.Nonce, Nonce = 6 });
        Assert.Null(result.Plan);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal("/spec/job/savepointTriggerNonce", refusal.Pointer);
        Assert.Contains("already used", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigBackup_NamesItsSnapshotWithoutTheClock()
    {
        var request = (BackupRequest)BackupOperation.Instance.Bind(new System.Text.Json.Nodes.JsonObject(), "orders", "streaming", new ConfigOrigin("nightly", "streaming"));
        var first = Plan(request with { Now = DateTimeOffset.UnixEpoch }).Plan!;
        var later = Plan(request with { Now = DateTimeOffset.UnixEpoch.AddDays(3) }).Plan!;
        Assert.Equal("orders-nightly", Assert.Single(first.NewResources).Value["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(first.NewResources[0].Yaml, later.NewResources[0].Yaml);
    }

    [Fact]
    public void Backup_WhenItsSnapshotIsAlreadyInTheInputs_ChangesNothing()
    {
        const string snapshot = "\n---\napiVersion: flink.apache.org/v1beta1\nkind: FlinkStateSnapshot\nmetadata: {name: orders-nightly, namespace: streaming}\nspec:\n  jobReference: {kind: FlinkDeployment, name: orders}\n  savepoint: {alreadyExists: false, disposeOnDelete: false}\n";
        var plan = Plan(new BackupRequest("orders", null) { SnapshotName = "orders-nightly" }, Running + snapshot).Plan!;
        Assert.True(plan.ChangesNothing);
    }

    [Fact]
    public void Suspend_OfARunningJob_SetsSavepointModeAndSuspended()
    {
        var plan = Plan(new SuspendRequest("orders", "streaming")).Plan!;
        Assert.Equal(["/spec/job/state"], plan.Steps.Select(s => s.Path.ToString()));
        Assert.Equal("suspended", plan.Steps[0].NewValue!.GetValue<string>());
    }

    [Fact]
    public void Restore_FromAPathOutsideTheSavepointDirectory_IsRefused()
    {
        var result = Plan(new RestoreRequest("orders", null) { SavepointPath = "s3://other-bucket/savepoint-1" });
        Assert.Null(result.Plan);
        Assert.Contains("outside the savepoint directory", Assert.Single(result.Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTarget_IsRefusedNamingWhatTheInputHolds()
    {
        var result = Plan(new SuspendRequest("payments", null));
        Assert.Contains("the input holds FlinkDeployment streaming/orders", Assert.Single(result.Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOperation_HasItsOwnConfigKind()
    {
        var kinds = OperationCatalog.All.Select(o => o.ConfigKind).ToList();
        Assert.Equal(["FlinkBackup", "FlinkRestore", "FlinkSuspend"], kinds);
        Assert.Null(OperationCatalog.ByConfigKind("FlinkRestart"));
    }
}
