using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>`manifestflow apply`: a JSON Patch that cannot be read, applied, or made as a text edit. Nothing is written.</summary>
public static partial class RuleCatalog
{
    /// <summary>The examples are patch files applied to a plain deployment (a method: static fields of partial files initialise in no fixed order).</summary>
    private static CommandExample ApplyPatch() => new("apply --patch {example} deployment.yaml", "patch.json") { Files = [("deployment.yaml", Deployment())] };

    public static readonly Rule InvalidPatch = new("MF0101", "invalid-patch", Severity.Error, Patching,
        "The patch file is not an RFC 6902 JSON Patch: not one list of operations, an unknown `op`, a missing `value` or `from`, or a `path` that is not a JSON Pointer. No operation is applied.",
        "Fix the operation the message names (operations count from 0); a pointer starts with `/`, and `~1` stands for a `/` inside a key.",
        """[{"op": "replace", "path": "spec/job/parallelism", "value": 4}]""",
        """[{"op": "replace", "path": "/spec/job/parallelism", "value": 4}]""")
    { Example = ApplyPatch() };

    public static readonly Rule PatchFailed = new("MF0102", "patch-failed", Severity.Error, Patching,
        "An operation cannot be applied to a manifest: its path does not exist (`replace` and `remove` need an existing member; `kubectl patch` is laxer here, RFC 6902 is not), a `test` does not match, or `--select` matches no resource. Nothing is written.",
        "Use `add` to create a member, check the path against the manifest, or fix `--select`.",
        """[{"op": "replace", "path": "/spec/job/savepointRedeployNonce", "value": 1}]""",
        """[{"op": "add", "path": "/spec/job/savepointRedeployNonce", "value": 1}]""")
    { Example = ApplyPatch() };

    public static readonly Rule EditRefused = new("MF0103", "edit-refused", Severity.Error, Patching,
        "The patch applies, but not as an edit of the text without changing other values: the value lies inside an anchor that an alias repeats (editing it would change every copy), or the edited text would not read back as the patched manifest. Nothing is written.",
        "Give the aliased copy its own value first (or edit the anchor on purpose, knowing every copy changes), then apply the patch again.",
        Deployment(jobManager: "{resource: &resources {memory: 2048m, cpu: 1}}").Replace("taskManager: {resource: {memory: 2048m, cpu: 1} }", "taskManager: {resource: *resources}", StringComparison.Ordinal),
        Deployment())
    {
        Example = new("apply --patch patch.json {example}", "deployment.yaml")
        {
            Files = [("patch.json", """[{"op": "replace", "path": "/spec/jobManager/resource/memory", "value": "4096m"}]""")],
        },
    };
}
