namespace ManifestFlow.Core.Yaml;

/// <summary>
/// Bounds that keep hostile input from exhausting memory or the stack. Real manifests are far inside
/// them: Kubernetes objects nest a few dozen levels and the API server rejects requests over 3 MiB.
/// Documents per file are bounded too: each costs a fixed overhead far above its bytes, so a 60 MB stream
/// of a million tiny documents took 37 s and 2.7 GB where a file of that size in real manifests takes ~1 s.
/// </summary>
public sealed record ReadLimits(long MaxFileBytes, int MaxDepth, long MaxExpandedNodes, int MaxDocuments = 10_000)
{
    public static ReadLimits Default { get; } = new(MaxFileBytes: 64L * 1024 * 1024, MaxDepth: 1000, MaxExpandedNodes: 1_000_000, MaxDocuments: 10_000);
}
