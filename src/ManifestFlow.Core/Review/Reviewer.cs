using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Review;

/// <summary>
/// Compares two trees of manifests and says, per Flink resource, what merging the change will do —
/// restore, redeploy from a savepoint, back up, suspend, resume, change directories, re-create — and
/// what can lose or misplace state, without a cluster.
/// </summary>
public static class Reviewer
{
    private static readonly JsonPointer Job = FlinkResource.JobPointer;
    private static readonly string[] Ignored = ["/status", "/metadata/resourceVersion", "/metadata/generation", "/metadata/managedFields", "/metadata/uid", "/metadata/creationTimestamp"];
    private const string IgnoreAnnotation = FlinkResource.IgnoreAnnotation;
    private static readonly string[] Nonces = ["savepointTriggerNonce", "checkpointTriggerNonce", "savepointRedeployNonce"];

    /// <param name="before">The base tree, validated by the pipeline.</param>
    /// <param name="after">The head tree, validated the same way: its findings count as they do in validate.</param>
    public static IReadOnlyList<JobReview> Review(ValidationOutcome before, ValidationOutcome after)
    {
        var baseByKey = Index(before.Parsed);
        var headByKey = Index(after.Parsed);
        var reviews = new List<JobReview>();
        foreach (var key in baseByKey.Keys.Union(headByKey.Keys).Order(StringComparer.Ordinal))
        {
            baseByKey.TryGetValue(key, out var old);
            headByKey.TryGetValue(key, out var now);
            var fields = Diff(old?.DocumentValue, now?.DocumentValue);
            if (fields.Count == 0)
            {
                continue;
            }
            reviews.Add(Configured(ReviewOne(old, now!, fields, after) ?? Removed(old!, fields), after.Configuration));
        }
        return reviews;
    }

    /// <summary>
    /// The review's own risks counted as validate counts findings: a rule the run disables is not shown,
    /// and a severity the repository's settings override is the one reported and gating the exit code.
    /// </summary>
    private static JobReview Configured(JobReview review, RunConfiguration configuration)
    {
        var risks = review.Risks
            .Where(r => configuration.Reports(new Diagnostic(r.Id, r.Severity, r.Message, review.File), false))
            .Select(r => configuration.Severities.TryGetValue(r.Id, out var severity) ? r with { Severity = severity } : r)
            .ToList();
        risks.Sort((a, b) => b.Severity.CompareTo(a.Severity) != 0 ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.Id, b.Id));
        return review with { Risks = risks };
    }

    /// <summary>Flink resources by kind, namespace and name; of two copies, the last (MF0205 reports the duplicate).</summary>
    private static Dictionary<string, FlinkResource> Index(IEnumerable<FlinkResource> resources)
    {
        var index = new Dictionary<string, FlinkResource>(StringComparer.Ordinal);
        foreach (var r in resources.Where(r => r.Kind is ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob or ResourceKind.FlinkStateSnapshot or ResourceKind.FlinkCluster))
        {
            index[$"{r.Kind}|{r.Namespace}|{r.Name}"] = r; // kubectl apply -f applies every copy in turn: the last one stays
        }
        return index;
    }

    private static JobReview Removed(FlinkResource old, List<FieldChange> fields) =>
        new(old.Kind.ToString(), old.Namespace, old.Name, old.Document.File.Path, "removed", ["removed"], null,
            old.Kind == ResourceKind.FlinkStateSnapshot
                ? [new Risk(RuleCatalog.ResourceDeleted.Id, RuleCatalog.ResourceDeleted.Severity, "the FlinkStateSnapshot is deleted: unless it sets disposeOnDelete: false its savepoint files are deleted too; keep the resource while the savepoint may be needed", null)]
                : [new Risk(RuleCatalog.ResourceDeleted.Id, RuleCatalog.ResourceDeleted.Severity, "the resource is deleted: the operator removes its checkpoint and status information, and a re-created job starts from empty state unless it sets initialSavepointPath; make sure a completed savepoint exists", null)],
            []);

    private static JobReview? ReviewOne(FlinkResource? old, FlinkResource? now, List<FieldChange> fields, ValidationOutcome head)
    {
        if (now is null)
        {
            return null;
        }
        var classes = new List<string>();
        var risks = new List<Risk>();
        string? savepoint = null;
        string At(JsonPointer p) => Location(now, p);
        if (now.Kind == ResourceKind.FlinkStateSnapshot)
        {
            classes.Add(old is null ? "new snapshot (backup)" : "snapshot changed");
            savepoint = now.Text(JsonPointer.Of("status", "path")) ?? "pending (taken when the snapshot is applied)";
        }
        else if (now.Kind == ResourceKind.FlinkCluster)
        {
            ClassifyCluster(old, now, classes, ref savepoint);
        }
        else
        {
            savepoint = ClassifyJob(old, now, classes, risks, head, At);
            if (now.BlueGreen is not null && old?.Spec is { } before && now.Spec is { } after && BlueGreenTemplate.Change(before, after) is { } change)
            {
                classes.Add(change);
            }
        }
        OperationChanges.Classify(old, now, classes, risks, head, At);
        if (old is not null && now.Kind != ResourceKind.FlinkStateSnapshot)
        {
            NonceRisks(old, now, risks, At);
            DirectoryRisks(old, now, classes, risks, At);
            ChangeRisks(old, now, risks, At);
        }
        foreach (var d in head.Diagnostics.Where(d => ReferenceEquals(d.Resource, now.Ref) && d.Severity >= Severity.Warning))
        {
            if (risks.All(r => r.Id != d.RuleId))
            {
                risks.Add(new Risk(d.RuleId, d.Severity, d.Message, $"{d.File}:{d.Line}:{d.Column}"));
            }
        }
        SuppressionRisks(old, now, risks, head, At);
        if (classes.Count == 0)
        {
            classes.Add(old is null ? "new resource" : "other change");
        }
        risks.Sort((a, b) => b.Severity.CompareTo(a.Severity) != 0 ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.Id, b.Id));
        return new JobReview(now.KindName, now.Namespace, now.Name, now.Document.File.Path, Status(now), classes, savepoint, risks, fields);
    }

    private static string? ClassifyJob(FlinkResource? old, FlinkResource now, List<string> classes, List<Risk> risks, ValidationOutcome head, Func<JsonPointer, string> at)
    {
        string? Before(string field) => old?.At(Job.Append(field))?.ToJsonString();
        string? After(string field) => now.At(Job.Append(field))?.ToJsonString();
        var path = now.Text(Job.Append("initialSavepointPath"));
        var pathChanged = Before("initialSavepointPath") != After("initialSavepointPath") && path is not null;
        var nonceChanged = Before("savepointRedeployNonce") != After("savepointRedeployNonce");
        if (old is null)
        {
            classes.Add(path is null ? "new job" : "re-create from savepoint");
        }
        else if (pathChanged)
        {
            classes.Add(nonceChanged ? "redeploy from savepoint" : "restore");
            if (!nonceChanged)
            {
                risks.Add(new Risk(RuleCatalog.InitialPathIgnored.Id, RuleCatalog.InitialPathIgnored.Severity,
                    $"initialSavepointPath changed but savepointRedeployNonce did not ({Before("savepointRedeployNonce") ?? "unset"}): on this deployed resource the operator ignores the new path, so the job will NOT restore from {path}; increase savepointRedeployNonce (manifestflow restore does)",
                    at(Job.Append("initialSavepointPath"))));
            }
        }
        if (old is not null && Before("savepointTriggerNonce") != After("savepointTriggerNonce") && now.At(Job.Append("savepointTriggerNonce")) is not null)
        {
            classes.Add("backup trigger (savepointTriggerNonce)");
        }
        if (old is not null && Before("checkpointTriggerNonce") != After("checkpointTriggerNonce") && now.At(Job.Append("checkpointTriggerNonce")) is not null)
        {
            classes.Add("checkpoint trigger (checkpointTriggerNonce)");
        }
        var (stateBefore, stateAfter) = (old?.Text(Job.Append("state")) ?? "running", now.Text(Job.Append("state")) ?? "running");
        if (old is not null && stateBefore != stateAfter)
        {
            classes.Add(stateAfter == "suspended" ? "suspend" : "resume");
        }
        var (modeBefore, modeAfter) = (old?.Text(Job.Append("upgradeMode")) ?? "stateless", now.Text(Job.Append("upgradeMode")) ?? "stateless");
        if (old is not null && modeBefore != modeAfter)
        {
            classes.Add($"upgrade-mode change ({modeBefore} -> {modeAfter})");
            if (modeAfter == "stateless")
            {
                risks.Add(new Risk(RuleCatalog.StatelessDiscardsState.Id, RuleCatalog.StatelessDiscardsState.Severity, $"upgradeMode becomes stateless: every later upgrade starts the job from empty state; keep savepoint or last-state", at(Job.Append("upgradeMode"))));
            }
        }
        if (pathChanged || old is null)
        {
            if (path is not null)
            {
                SnapshotRisk(now, path, head, risks, at);
            }
        }
        return path is not null && (pathChanged || old is null) ? path : null;
    }

    /// <summary>A restore from a snapshot that is known but not COMPLETED restores nothing.</summary>
    private static void SnapshotRisk(FlinkResource job, string path, ValidationOutcome head, List<Risk> risks, Func<JsonPointer, string> at)
    {
        var snapshots = head.Parsed.Where(s => s.Kind == ResourceKind.FlinkStateSnapshot && s.Namespace == job.Namespace && s.Text(JsonPointer.Of("status", "path")) == path).ToList();
        foreach (var snapshot in snapshots.Where(s => !SnapshotStatus.Of(s).IsCompleted))
        {
            risks.Add(new Risk(RuleCatalog.RestoreFromIncompleteSnapshot.Id, RuleCatalog.RestoreFromIncompleteSnapshot.Severity, $"the savepoint comes from FlinkStateSnapshot {snapshot.Name}, whose status.state is {SnapshotStatus.Of(snapshot).State ?? "unset"}, not COMPLETED; restore from a completed snapshot", at(Job.Append("initialSavepointPath"))));
        }
    }

    private static void ClassifyCluster(FlinkResource? old, FlinkResource now, List<string> classes, ref string? savepoint)
    {
        var job = JsonPointer.Of("spec", "job");
        if (old?.At(job.Append("savepointGeneration"))?.ToJsonString() != now.At(job.Append("savepointGeneration"))?.ToJsonString() && old is not null)
        {
            classes.Add("backup trigger (savepointGeneration)");
        }
        if (old?.Text(job.Append("fromSavepoint")) != now.Text(job.Append("fromSavepoint")) && now.Text(job.Append("fromSavepoint")) is { } from)
        {
            classes.Add(old is null ? "re-create from savepoint" : "restore");
            savepoint = from;
        }
        if (now.At(job.Append("cancelRequested")) is JsonValue c && c.TryGetValue<bool>(out var cancel) && cancel && old?.At(job.Append("cancelRequested"))?.ToJsonString() != "true")
        {
            classes.Add("suspend (cancel with savepoint)");
        }
    }

    /// <summary>
    /// A suppression the change adds (absent or different in the base) cannot approve itself: it is a risk,
    /// and the findings it hides are reported as if it were not there.
    /// </summary>
    private static void SuppressionRisks(FlinkResource? old, FlinkResource now, List<Risk> risks, ValidationOutcome head, Func<JsonPointer, string> at)
    {
        var added = now.Annotations?[IgnoreAnnotation]?.AsText();
        if (added is null || added == old?.Annotations?[IgnoreAnnotation]?.AsText())
        {
            return;
        }
        risks.Add(new Risk(RuleCatalog.SuppressionAdded.Id, RuleCatalog.SuppressionAdded.Severity,
            $"the change {(old?.Annotations?[IgnoreAnnotation] is null ? "adds" : "changes")} the suppression {IgnoreAnnotation}: \"{added}\"; a change cannot approve its own exception, so the findings it hides are reported here; add the suppression in a change of its own, reviewed on its own",
            at(JsonPointer.Of("metadata", "annotations", IgnoreAnnotation))));
        foreach (var d in head.Suppressed.Select(s => s.Finding).Where(d => ReferenceEquals(d.Resource, now.Ref) && d.Severity >= Severity.Warning))
        {
            if (risks.All(r => r.Id != d.RuleId))
            {
                risks.Add(new Risk(d.RuleId, d.Severity, d.Message + " (hidden by the suppression this change adds)", $"{d.File}:{d.Line}:{d.Column}"));
            }
        }
    }

    private static void NonceRisks(FlinkResource old, FlinkResource now, List<Risk> risks, Func<JsonPointer, string> at)
    {
        var used = NonceHistory.UsedTriggerNonces(old);
        foreach (var nonce in Nonces)
        {
            var before = old.Integer(Job.Append(nonce));
            var after = now.Integer(Job.Append(nonce));
            if (after is null || before == after)
            {
                continue;
            }
            if (before is not null && after < before)
            {
                risks.Add(new Risk(RuleCatalog.NonceLowered.Id, RuleCatalog.NonceLowered.Severity, $"{nonce} is lowered from {before} to {after}; a value used before may be taken for an old request — use one above every value used so far", at(Job.Append(nonce))));
            }
            if (nonce == "savepointTriggerNonce" && used.Contains(after.Value))
            {
                risks.Add(new Risk(RuleCatalog.TriggerNonceReused.Id, RuleCatalog.TriggerNonceReused.Severity, $"savepointTriggerNonce {after} was already used ({string.Join(", ", used)} appear in the base's spec and status); the backup procedure needs a value never used before", at(Job.Append(nonce))));
            }
        }
    }

    /// <summary>The operator's change rules (<see cref="SpecChanges"/>), the base tree's spec standing for the one it last acted on.</summary>
    private static void ChangeRisks(FlinkResource old, FlinkResource now, List<Risk> risks, Func<JsonPointer, string> at)
    {
        if (old.Spec is not { } before)
        {
            return;
        }
        var running = old.Text(JsonPointer.Of("status", "jobStatus", "state")) is "RUNNING" || old.Status is null;
        // DirectoryRisks reports a moved directory already (MR001).
        foreach (var change in SpecChanges.Between(before, now, running).Where(c => c.Kind != SpecChangeKind.DirectoryMoved))
        {
            var rule = SpecChangeCheck.RuleOf(change.Kind);
            if (risks.All(r => r.Id != rule.Id))
            {
                risks.Add(new Risk(rule.Id, rule.Severity, change.Message, at(change.Pointer)));
            }
        }
    }

    private static void DirectoryRisks(FlinkResource old, FlinkResource now, List<string> classes, List<Risk> risks, Func<JsonPointer, string> at)
    {
        var (a, b) = (FlinkConfiguration.Of(old), FlinkConfiguration.Of(now));
        var changed = new[] { ("checkpoint", ConfigKeys.CheckpointDir), ("savepoint", ConfigKeys.SavepointDir), ("high-availability storage", ConfigKeys.HaStorageDir) }
            .Where(d => a.Get(d.Item2)?.Value != b.Get(d.Item2)?.Value).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        classes.Add("directory change");
        var running = old.Text(JsonPointer.Of("status", "jobStatus", "state")) is "RUNNING" || old.Status is null;
        if (running)
        {
            var names = string.Join(", ", changed.Select(c => $"{c.Item1} directory ({a.Get(c.Item2)?.Value ?? "unset"} -> {b.Get(c.Item2)?.Value ?? "unset"})"));
            var pointer = b.Get(changed[0].Item2)?.Pointer ?? FlinkResource.SpecPointer.Append("flinkConfiguration");
            risks.Add(new Risk(RuleCatalog.DirectoryMovedUnderRunningJob.Id, RuleCatalog.DirectoryMovedUnderRunningJob.Severity, $"the {names} changes under a running job: existing checkpoints, savepoints and HA metadata stay in the old place, so a last-state upgrade or a restore from the latest checkpoint will not find them; take a savepoint first and restore from it explicitly", at(pointer)));
        }
    }

    private static string Status(FlinkResource r)
    {
        if (r.Status is not { } status)
        {
            return "no status in the manifest";
        }
        var job = status["jobStatus"]?["state"]?.AsText() ?? status["state"]?.AsText() ?? status["components"]?["job"]?["state"]?.AsText();
        var lifecycle = status["lifecycleState"]?.AsText();
        return string.Join(", ", new[] { job is null ? null : $"job {job}", lifecycle is null ? null : $"lifecycle {lifecycle}" }.Where(s => s is not null)) is { Length: > 0 } s ? s : "status present";
    }

    private static string Location(FlinkResource r, JsonPointer pointer)
    {
        var position = NodeLocator.PositionOf(r.Document, r.InDocument(pointer));
        return $"{r.Document.File.Path}:{position.Line}:{position.Column}";
    }

    /// <summary>Leaf-level differences, ignoring status and server-set metadata; secret-looking values redacted.</summary>
    public static List<FieldChange> Diff(JsonNode? before, JsonNode? after)
    {
        var a = new SortedDictionary<string, Leaf>(StringComparer.Ordinal);
        var b = new SortedDictionary<string, Leaf>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        Flatten(before, "", a, secrets);
        Flatten(after, "", b, secrets);
        var changes = new List<FieldChange>();
        foreach (var path in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            a.TryGetValue(path, out var x);
            b.TryGetValue(path, out var y);
            // By value and type: "5" becoming 5 is a change the operator sees.
            if (x != y)
            {
                changes.Add(new FieldChange(path, Redact(path, x?.Text, secrets), Redact(path, y?.Text, secrets))
                {
                    BeforeValue = Typed(path, x, secrets),
                    AfterValue = Typed(path, y, secrets),
                });
            }
        }
        return changes;
    }

    /// <summary>A leaf as text (a string's own characters, any other value's JSON) and whether it was a string.</summary>
    private sealed record Leaf(string Text, bool IsString);

    /// <summary>By key (the path, or the secret-looking name an env entry, header or option gave it) and by value shape.</summary>
    private static string? Redact(string path, string? value, HashSet<string> secrets) =>
        value is null ? null : secrets.Contains(path) ? Redaction.Redacted : Redaction.Value(path, value);

    /// <summary>The leaf as JSON of its own type; a redacted value is the redaction marker, a string.</summary>
    private static JsonNode? Typed(string path, Leaf? leaf, HashSet<string> secrets)
    {
        if (leaf is null)
        {
            return null;
        }
        var text = Redact(path, leaf.Text, secrets)!;
        return leaf.IsString || text != leaf.Text ? JsonValue.Create(text) : JsonNode.Parse(leaf.Text);
    }

    /// <param name="secrets">Collects the paths of values that are secret by their context rather than their own key.</param>
    private static void Flatten(JsonNode? node, string path, SortedDictionary<string, Leaf> into, HashSet<string> secrets, bool secret = false)
    {
        if (Ignored.Any(i => path == i || path.StartsWith(i + "/", StringComparison.Ordinal)))
        {
            return;
        }
        switch (node)
        {
            case JsonObject o:
                // {name: AWS_SECRET_ACCESS_KEY, value: ...}: an env entry or header is secret by its name.
                var named = Redaction.IsSecretKey(o["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null);
                foreach (var (key, value) in o)
                {
                    var child = path + "/" + JsonPointer.Escape(key);
                    Flatten(value, child, into, secrets, secret || (named && key is "value"));
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = path + "/" + i.ToString(CultureInfo.InvariantCulture);
                    // args: ["--password", "X"]: the argument after a secret-looking option is secret.
                    var afterOption = i > 0 && array[i - 1] is JsonValue previous && previous.GetValueKind() == JsonValueKind.String && Redaction.IsSecretOption(previous.GetValue<string>());
                    Flatten(array[i], child, into, secrets, secret || afterOption);
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                into[path] = new Leaf(v.GetValue<string>(), true);
                if (secret)
                {
                    secrets.Add(path);
                }
                break;
            default:
                if (path.Length > 0)
                {
                    into[path] = new Leaf(node?.ToJsonString() ?? "null", false);
                    if (secret)
                    {
                        secrets.Add(path);
                    }
                }
                break;
        }
    }
}
