namespace ManifestFlow.Core.Output;

/// <summary>
/// What a run left out and why, for the summary: a repository holds more than Flink manifests, and a user
/// should see that those files were passed over on purpose, not overlooked.
/// </summary>
public sealed record SkipCounts(int NotResources, int Kinds, int HelmCharts, int Excluded)
{
    public static readonly SkipCounts None = new(0, 0, 0, 0);

    public int Total => NotResources + Kinds + HelmCharts + Excluded;

    /// <summary>"skipped: 4 documents that are not Kubernetes resources, 1 Helm chart"; empty when nothing was.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            Add(parts, NotResources, "document that is not a Kubernetes resource", "documents that are not Kubernetes resources");
            Add(parts, Kinds, "resource of a skipped kind", "resources of a skipped kind");
            Add(parts, HelmCharts, "Helm chart path", "Helm chart paths");
            Add(parts, Excluded, "excluded path", "excluded paths");
            return parts.Count == 0 ? "" : "skipped: " + string.Join(", ", parts);
        }
    }

    private static void Add(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add($"{count} {(count == 1 ? one : many)}");
        }
    }
}
