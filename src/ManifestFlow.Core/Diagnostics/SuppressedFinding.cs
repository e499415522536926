namespace ManifestFlow.Core.Diagnostics;

/// <summary>
/// A finding a <c>manifestflow.io/ignore</c> annotation hid, with the reason the annotation gives and where
/// that annotation is: SARIF records it as a suppression instead of dropping it, review reports it.
/// </summary>
public sealed record SuppressedFinding(Diagnostic Finding, string Reason, SourceLocation Annotation);
