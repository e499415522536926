namespace ManifestFlow.Core.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
