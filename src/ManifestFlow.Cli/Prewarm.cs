using System.Runtime.CompilerServices;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli;

/// <summary>
/// Start-up overlap for the commands that read manifests. Before the first file is read the runtime
/// spends ~20 ms loading types and resolving precompiled code for the YAML reader, JSON nodes, checks
/// and editor, while the main thread is busy ~10 ms with the console and the command line. On a second
/// core, validating and editing a small built-in manifest does that loading in parallel; a pre-commit
/// hook on one file finishes that much sooner. It has no effects — no I/O, no shared mutable state,
/// results discarded — and a failure is ignored: the real run reports its own.
/// Set MANIFESTFLOW_PREWARM=0 to switch it off (to measure what it saves).
/// The thread never outlives the command: <see cref="Finish"/> stops it between steps and waits for it
/// before the process exits. Native AOT does not support managed threads that are still running while
/// the process tears down (dotnet/runtime#74711): a fast refusal that returned while the warm-up was
/// mid-step could hang. In the native executable it does not run at all (see <see cref="Start"/>).
/// </summary>
internal static class Prewarm
{
    private static readonly string[] ReadingCommands = ["validate", "apply", "backup", "restore", "suspend", "fn", "generate", "review"];

    private const string Manifest = """
        # A minimal application deployment with its state on a claim.
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata:
          name: prewarm
          namespace: flink
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            state.checkpoints.dir: file:///flink-data/checkpoints
            execution.checkpointing:
              savepoint-dir: file:///flink-data/savepoints
            high-availability.type: kubernetes
            high-availability.storageDir: file:///flink-data/ha
          podTemplate:
            spec:
              containers:
                - name: flink-main-container
                  volumeMounts: [{mountPath: /flink-data, name: state}]
              volumes:
                - name: state
                  persistentVolumeClaim: {claimName: flink-state}
          job:
            jarURI: local:///opt/flink/usrlib/job.jar
            parallelism: 2
            upgradeMode: savepoint
            state: running
        """;

    private const string Patch = """[{"op": "replace", "path": "/spec/job/parallelism", "value": 3}, {"op": "add", "path": "/spec/job/savepointTriggerNonce", "value": 1}]""";

    private static Thread? _thread;
    private static volatile bool _stopping;

    public static void Start(string[] args)
    {
        // Native code has nothing to compile, so nothing to warm; and there a second thread running class
        // constructors while the main thread starts up can livelock the runtime's class-constructor runner
        // (main: string comparer -> Lock statics -> AppContext; warm-up: AppContext -> Dictionary -> string
        // comparer; both spin in DeadlockAwareAcquire — one native process in a few hundred hung so in CI).
        if (!RuntimeFeature.IsDynamicCodeSupported || Environment.ProcessorCount < 2 || args.Length == 0 || Array.IndexOf(ReadingCommands, args[0]) < 0
            || Environment.GetEnvironmentVariable("MANIFESTFLOW_PREWARM") == "0")
        {
            return;
        }
        _thread = new Thread(() => Run()) { IsBackground = true, Name = "manifestflow-prewarm" };
        _thread.Start();
    }

    /// <summary>Asks the warm-up to stop at its next step and waits for it (at most one step, a few ms).</summary>
    public static void Finish()
    {
        _stopping = true;
        _thread?.Join();
    }

    /// <summary>The warm-up itself; true when the sample validated clean and the patch applied (tests keep the sample meaningful).</summary>
    internal static bool Run()
    {
        try
        {
            var file = new SourceFile("prewarm.yaml", Manifest);
            var validation = Validator.Validate([file], ReadLimits.Default);
            if (_stopping)
            {
                return false;
            }
            var patch = JsonPatchParser.Parse(Patch).Patch!;
            var edit = PatchApplication.Apply([file], patch, [], ReadLimits.Default);
            return validation.Diagnostics.Count == 0 && edit.Succeeded && edit.Files[0].Changed;
        }
#pragma warning disable CA1031 // Nothing here may affect the run: any failure only means less warm-up.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
