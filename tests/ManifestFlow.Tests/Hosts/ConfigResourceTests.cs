using ManifestFlow.Core.Declarative;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Operations;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Hosts;

public sealed class ConfigResourceTests
{
    private static (ConfigResource? Config, List<Diagnostic> Errors) Read(string yaml)
    {
        var resource = FlinkResource.From(Manifests.ReadText(yaml, "config.yaml").Documents[0])!;
        var errors = new List<Diagnostic>();
        return (ConfigResource.Read(resource, errors), errors);
    }

    [Fact]
    public void EveryErrorIsReportedAtOnce_EachAtItsLocation()
    {
        var (config, errors) = Read("""
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkRestore
            metadata: {name: r}
            spec:
              target: {kind: FlinkDeploymnet, nme: orders}
              fromSnapshot: a
              savepointPath: b
              allowNonRestoredState: "yes"
              recreat: true
            """);
        Assert.Null(config);
        var messages = errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("5:18 spec.target.kind 'FlinkDeploymnet' is not one of", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("5:40 unknown field spec.target.nme; did you mean name?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("8:26 spec.allowNonRestoredState must be a boolean", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("9:12 unknown field spec.recreat; did you mean recreate?", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("spec.target.name is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("exactly one of spec.fromSnapshot, spec.savepointPath, spec.latest: true and spec.lastState: true", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(ConfigResource.ErrorId, e.RuleId));
    }

    [Fact]
    public void ValidRestore_BecomesTheSameRequestAsTheCommandLine()
    {
        var (config, errors) = Read("""
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkRestore
            metadata: {name: r, namespace: streaming}
            spec:
              target: {kind: FlinkDeployment, name: orders}
              savepointPath: s3://b/sp/savepoint-1
              paimonTables: [db.t]
            """);
        Assert.Empty(errors);
        var request = Assert.IsType<RestoreRequest>(config!.Operation);
        Assert.Equal(("restore", "orders", "streaming", "s3://b/sp/savepoint-1"), (request.Operation.Name, request.Target, request.Namespace, request.SavepointPath));
        Assert.Equal(["db.t"], request.PaimonTables);
    }

    [Fact]
    public void BackupFields_BindAsTheCommandLineOptions()
    {
        var (config, errors) = Read("""
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkBackup
            metadata: {name: nightly, namespace: streaming}
            spec:
              target: {kind: FlinkDeployment, name: orders}
              checkpoint: true
              formatType: NATIVE
              backoffLimit: 0
              savepointDir: s3://b/orders/savepoints
            """);
        Assert.Empty(errors);
        var request = Assert.IsType<BackupRequest>(config!.Operation);
        Assert.Equal((true, "NATIVE", 0L, "s3://b/orders/savepoints", "orders-nightly"), (request.Checkpoint, request.FormatType, request.BackoffLimit, request.SavepointDir, request.SnapshotName));
        var (periodic, periodicErrors) = Read("""
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkBackup
            metadata: {name: schedule}
            spec:
              target: {name: orders}
              periodic: 6h
              historyMaxCount: 5
              historyMaxAge: 7d
            """);
        Assert.Empty(periodicErrors);
        var scheduled = Assert.IsType<BackupRequest>(periodic!.Operation);
        Assert.Equal(("6h", 5L, "7d", null), (scheduled.Periodic, scheduled.HistoryMaxCount, scheduled.HistoryMaxAge, scheduled.SnapshotName));
    }

    [Theory]
    [InlineData("latest: true", true, false)]
    [InlineData("lastState: true", false, true)]
    public void RestoreLatestOrLastState_IsARestorePointOfItsOwn(string field, bool latest, bool lastState)
    {
        var (config, errors) = Read($"""
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkRestore
            metadata: {"{"}name: r{"}"}
            spec:
              target: {"{"}name: orders{"}"}
              {field}
            """);
        Assert.Empty(errors);
        var request = Assert.IsType<RestoreRequest>(config!.Operation);
        Assert.Equal((latest, lastState), (request.Latest, request.LastState));
    }

    [Theory]
    [InlineData("latest: true\n  fromSnapshot: a")]
    [InlineData("lastState: true\n  latest: true")]
    [InlineData("latest: false")]
    public void RestoreWithTwoOrNoRestorePoints_IsRefused(string fields)
    {
        var (config, errors) = Read("apiVersion: manifestflow.io/v1alpha1\nkind: FlinkRestore\nmetadata: {name: r}\nspec:\n  target: {name: orders}\n  " + fields + "\n");
        Assert.Null(config);
        Assert.Contains(errors, e => e.Message.Contains("needs exactly one of", StringComparison.Ordinal));
    }

    [Fact]
    public void SuspendLastState_Binds()
    {
        var (config, errors) = Read("""
            apiVersion: manifestflow.io/v1alpha1
            kind: FlinkSuspend
            metadata: {name: s}
            spec:
              target: {name: orders}
              lastState: true
            """);
        Assert.Empty(errors);
        Assert.True(Assert.IsType<SuspendRequest>(config!.Operation).LastState);
    }
}
