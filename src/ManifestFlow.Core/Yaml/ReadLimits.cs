namespace ManifestFlow.Core.Yaml;

/// <summary>
/// Bounds that keep hostile input from exhausting memory or the stack. Real manifests are far inside
/// them: Kubernetes objects nest a few dozen levels and the API server rejects requests over 3 MiB.
/// </summary>
public sealed record ReadLimits(long MaxFileBytes, int MaxDepth, long MaxExpandedNodes)
{
    public static ReadLimits Default { get; } = new(MaxFileBytes: 64L * 1024 * 1024, MaxDepth: 1000, MaxExpandedNodes: 1_000_000);
}
