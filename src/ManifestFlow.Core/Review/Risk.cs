using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Review;

/// <summary>Something in the change that can lose or misplace state, and what to do about it.</summary>
public sealed record Risk(string Id, Severity Severity, string Message, string? Location);
