using ManifestFlow.Core.Operations;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Planning;

/// <summary>
/// Periodic, checkpoint and snapshot-field backups, restores from the latest snapshot and from HA metadata,
/// and last-state suspends — attacked with the inputs that should make them refuse.
/// </summary>
public sealed class MoreBackupRestoreTests
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
            high-availability.type: kubernetes
            high-availability.storageDir: s3://flink-state/orders/ha
            execution.checkpointing.dir: s3://flink-state/orders/checkpoints
            execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints
          jobManager: {resource: {memory: 2048m, cpu: 1}}
          taskManager: {resource: {memory: 2048m, cpu: 1}}
          job: {jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint, state: STATE}
        status:
          jobManagerDeploymentStatus: READY
          jobStatus: {state: JOBSTATE}
          reconciliationStatus:
            lastReconciledSpec: '{"spec":{"flinkVersion":"v1_20","job":{"state":"STATE","upgradeMode":"MODE"}}}'
        """;

    private static string Deployment(string state = "running", string jobState = "RUNNING", string mode = "savepoint") =>
        Running.Replace("state: STATE", $"state: {state}", StringComparison.Ordinal).Replace("JOBSTATE", jobState, StringComparison.Ordinal)
            .Replace("\"state\":\"STATE\"", $"\"state\":\"{state}\"", StringComparison.Ordinal).Replace("MODE", mode, StringComparison.Ordinal);

    private static string Snapshot(string name, string path, string? time, string job = "orders", string ns = "streaming", string state = "COMPLETED", string labels = "") => $"""

        ---
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkStateSnapshot
        metadata: {"{"}name: {name}, namespace: {ns}{labels}{"}"}
        spec:
          jobReference: {"{"}kind: FlinkDeployment, name: {job}{"}"}
          savepoint: {"{"}alreadyExists: false, disposeOnDelete: false{"}"}
        status: {"{"}state: {state}, path: '{path}'{(time is null ? "" : $", resultTimestamp: '{time}'")}{"}"}

        """;

    private static OperationPlanner.Result Plan(OperationRequest request, string yaml) =>
        OperationPlanner.Plan(request, Validator.Validate([new SourceFile("orders.yaml", yaml)], ReadLimits.Default));

    private static string Refusal(OperationPlanner.Result result)
    {
        Assert.Null(result.Plan);
        return Assert.Single(result.Refusals).Message;
    }

    [Theory]
    [InlineData("../savepoints", "not an absolute path")]
    [InlineData("savepoints", "not an absolute path")]
    public void SavepointDir_ThatIsNotAbsolute_IsRefused(string dir, string why) =>
        Assert.Contains(why, Refusal(Plan(new BackupRequest("orders", null) { SavepointDir = dir, SnapshotName = "b" }, Deployment())), StringComparison.Ordinal);

    [Fact]
    public void BackoffLimit_BelowMinusOne_IsRefused() =>
        Assert.Contains("below -1", Refusal(Plan(new BackupRequest("orders", null) { BackoffLimit = -2, SnapshotName = "b" }, Deployment())), StringComparison.Ordinal);

    [Fact]
    public void SnapshotFields_WithTheNonceMethod_AreRefused() =>
        Assert.Contains("kubernetes.operator.savepoint.format.type: NATIVE", Refusal(Plan(new BackupRequest("orders", null) { Method = BackupMethod.Nonce, FormatType = "NATIVE" }, Deployment())), StringComparison.Ordinal);

    [Fact]
    public void Checkpoint_BeforeFlink117_IsRefused() =>
        Assert.Contains("needs Flink 1.17", Refusal(Plan(new BackupRequest("orders", null) { Checkpoint = true, SnapshotName = "c" }, Deployment().Replace("v1_20", "v1_16", StringComparison.Ordinal)
            .Replace("execution.checkpointing.dir", "state.checkpoints.dir", StringComparison.Ordinal).Replace("execution.checkpointing.savepoint-dir", "state.savepoints.dir", StringComparison.Ordinal))), StringComparison.Ordinal);

    [Fact]
    public void CheckpointNonce_UsesOneAboveTheReconciledNonce()
    {
        var yaml = Deployment().Replace("\"upgradeMode\":\"savepoint\"", "\"upgradeMode\":\"savepoint\",\"checkpointTriggerNonce\":8", StringComparison.Ordinal);
        var plan = Plan(new BackupRequest("orders", null) { Checkpoint = true, Method = BackupMethod.Nonce }, yaml).Plan!;
        Assert.Equal(9, plan.Steps.Single(s => s.Path.ToString() == "/spec/job/checkpointTriggerNonce").NewValue!.GetValue<long>());
        Assert.Contains("8", Refusal(Plan(new BackupRequest("orders", null) { Checkpoint = true, Method = BackupMethod.Nonce, Nonce = 8 }, yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Periodic_ReplacesANestedIntervalWhereItIs()
    {
        var yaml = Deployment().Replace("    execution.checkpointing.dir:", "    kubernetes:\n      operator.periodic.savepoint.interval: 1d\n    execution.checkpointing.dir:", StringComparison.Ordinal);
        var plan = Plan(new BackupRequest("orders", null) { Periodic = "6h" }, yaml).Plan!;
        var step = Assert.Single(plan.Steps);
        Assert.Equal("/spec/flinkConfiguration/kubernetes/operator.periodic.savepoint.interval", step.Path.ToString());
        Assert.Equal("6h", step.NewValue!.GetValue<string>());
    }

    [Theory]
    [InlineData("6h", 0L, null, "keeps no savepoint")]
    [InlineData("6h", null, "forever", "not a positive Flink duration")]
    [InlineData("", null, null, "empty")]
    [InlineData("1 h 2", null, null, "not one of Flink's time units")]
    public void Periodic_WithBadValues_IsRefused(string interval, long? count, string? age, string why) =>
        Assert.Contains(why, Refusal(Plan(new BackupRequest("orders", null) { Periodic = interval, HistoryMaxCount = count, HistoryMaxAge = age }, Deployment())), StringComparison.Ordinal);

    [Fact]
    public void Periodic_WithoutASavepointDirectory_IsRefusedAsTheOperatorDoes()
    {
        var yaml = Deployment(mode: "last-state").Replace("    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n", "", StringComparison.Ordinal).Replace("upgradeMode: savepoint", "upgradeMode: last-state", StringComparison.Ordinal);
        Assert.Contains("no savepoint directory", Refusal(Plan(new BackupRequest("orders", null) { Periodic = "6h" }, yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_PicksTheNewestCompletedSnapshotOfThisJobOnly()
    {
        var yaml = Deployment("suspended", "FINISHED") +
            Snapshot("old", "s3://flink-state/orders/savepoints/savepoint-1", "2026-11-20T10:00:00Z") +
            Snapshot("new", "s3://flink-state/orders/savepoints/savepoint-2", "2026-11-21T10:00:00Z") +
            Snapshot("newer-failed", "s3://flink-state/orders/savepoints/savepoint-3", "2026-11-22T10:00:00Z", state: "FAILED") +
            Snapshot("other-job", "s3://flink-state/orders/savepoints/savepoint-4", "2026-11-23T10:00:00Z", job: "payments") +
            Snapshot("other-namespace", "s3://flink-state/orders/savepoints/savepoint-5", "2026-11-24T10:00:00Z", ns: "staging");
        var plan = Plan(new RestoreRequest("orders", null) { Latest = true }, yaml).Plan!;
        var path = plan.Steps.Single(s => s.Path.ToString() == "/spec/job/initialSavepointPath");
        Assert.Equal("s3://flink-state/orders/savepoints/savepoint-2", path.NewValue!.GetValue<string>());
        Assert.Contains("newest of 2 restore point(s)", path.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_WithTwoSnapshotsAtTheSameTime_IsRefused()
    {
        var yaml = Deployment("suspended", "FINISHED") +
            Snapshot("a", "s3://flink-state/orders/savepoints/savepoint-1", "2026-11-20T10:00:00Z") +
            Snapshot("b", "s3://flink-state/orders/savepoints/savepoint-2", "2026-11-20T10:00:00+00:00");
        Assert.Contains("were both taken at 2026-11-20T10:00:00Z", Refusal(Plan(new RestoreRequest("orders", null) { Latest = true }, yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void AlreadyExistingSnapshot_OutsideTheSavepointDirectory_IsStillRefused()
    {
        var yaml = Deployment("suspended", "FINISHED") + """

            ---
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkStateSnapshot
            metadata: {name: imported, namespace: streaming}
            spec:
              jobReference: {kind: FlinkDeployment, name: orders}
              savepoint: {alreadyExists: true, path: 's3://elsewhere/payments/savepoint-9'}
            """;
        Assert.Contains("outside the savepoint directory", Refusal(Plan(new RestoreRequest("orders", null) { Snapshot = "imported" }, yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotBackedUpToItsOwnDirectory_RestoresFromThere()
    {
        var yaml = Deployment("suspended", "FINISHED") + """

            ---
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkStateSnapshot
            metadata: {name: custom, namespace: streaming}
            spec:
              jobReference: {kind: FlinkDeployment, name: orders}
              savepoint: {alreadyExists: false, disposeOnDelete: false, path: 's3://archive/orders'}
            status: {state: COMPLETED, path: 's3://archive/orders/savepoint-77'}
            """;
        var plan = Plan(new RestoreRequest("orders", null) { Snapshot = "custom" }, yaml).Plan!;
        Assert.Equal("s3://archive/orders/savepoint-77", plan.Steps.Single(s => s.Path.ToString() == "/spec/job/initialSavepointPath").NewValue!.GetValue<string>());
    }

    [Theory]
    [InlineData("running", "RUNNING", "last-state", "no suspended job to resume")]
    [InlineData("suspended", "FINISHED", "stateless", "suspended in stateless mode")]
    public void LastState_WithNothingToResume_IsRefused(string state, string jobState, string mode, string why) =>
        Assert.Contains(why, Refusal(Plan(new RestoreRequest("orders", null) { LastState = true }, Deployment(state, jobState, mode))), StringComparison.Ordinal);

    [Fact]
    public void LastState_OfAStatelessSpec_SetsLastStateSoTheStateIsKept()
    {
        var yaml = Deployment("suspended", "SUSPENDED", "last-state").Replace("upgradeMode: savepoint,", "upgradeMode: stateless,", StringComparison.Ordinal);
        var plan = Plan(new RestoreRequest("orders", null) { LastState = true }, yaml).Plan!;
        Assert.Equal(["/spec/job/upgradeMode", "/spec/job/state"], plan.Steps.Select(s => s.Path.ToString()));
        Assert.Null(plan.Steps.FirstOrDefault(s => s.Path.ToString() == "/spec/job/initialSavepointPath"));
    }

    [Fact]
    public void LastState_WithOtherRestoreOptions_IsRefused() =>
        Assert.Contains("do not apply", Refusal(Plan(new RestoreRequest("orders", null) { LastState = true, Recreate = true }, Deployment("suspended", "SUSPENDED", "last-state"))), StringComparison.Ordinal);

    [Fact]
    public void SuspendLastState_WithoutHa_IsRefused()
    {
        var yaml = Deployment().Replace("    high-availability.type: kubernetes\n", "", StringComparison.Ordinal);
        Assert.Contains("high availability is off", Refusal(Plan(new SuspendRequest("orders", null) { LastState = true }, yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Suspend_OfAFailedJobWithoutFallback_SaysTheSuspendWaits()
    {
        var yaml = Deployment(jobState: "FAILED").Replace("    high-availability.type: kubernetes\n", "    high-availability.type: kubernetes\n    kubernetes.operator.job.upgrade.last-state-fallback.enabled: 'false'\n", StringComparison.Ordinal);
        Assert.Contains("does not fall back to last-state", Refusal(Plan(new SuspendRequest("orders", null), yaml)), StringComparison.Ordinal);
    }
}
