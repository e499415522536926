namespace ManifestFlow.Core.Review;

/// <summary>One leaf value that differs between base and head (values already redacted where secret).</summary>
public sealed record FieldChange(string Path, string? Before, string? After);
