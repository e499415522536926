using System.Text.Json.Nodes;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Validation;

/// <summary>
/// Documents without both an apiVersion and a kind are not Kubernetes resources: a repository keeps
/// kustomizations, Helm values and Chart.yaml, CI workflows and hook configuration beside its
/// manifests, and nothing applies them to a cluster. They are skipped — except one that names a Flink
/// or ManifestFlow API group or kind: that is a manifest that lost a field, and skipping it would
/// report a broken job as clean.
/// </summary>
internal static class NonResources
{
    private static readonly string[] Groups = ["flink.apache.org", "flinkoperator.k8s.io", "manifestflow.io"];

    private static readonly string[] Kinds =
    [
        "FlinkDeployment", "FlinkSessionJob", "FlinkStateSnapshot", "FlinkBlueGreenDeployment", "FlinkCluster",
        "FlinkBackup", "FlinkRestore", "FlinkSuspend", "FlinkValidate",
    ];

    public static bool MeantForFlink(SourceDocument document) => What(document).Length > 0;

    /// <summary>The field that shows the document is meant for Flink, with its value; empty when none does.</summary>
    public static string What(SourceDocument document)
    {
        if (document.Value is not JsonObject o)
        {
            return "";
        }
        if (Text(o, "apiVersion") is { } apiVersion && Groups.Contains(apiVersion.Split('/')[0], StringComparer.Ordinal))
        {
            return $"apiVersion ({apiVersion})";
        }
        return Text(o, "kind") is { } kind && Kinds.Contains(kind, StringComparer.Ordinal) ? $"kind ({kind})" : "";
    }

    public static string Describe(SourceDocument document) =>
        document.Value is JsonObject o && Text(o, "kind") is null ? "it has no kind" : "it has no apiVersion";

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
