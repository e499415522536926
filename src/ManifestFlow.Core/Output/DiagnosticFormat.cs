namespace ManifestFlow.Core.Output;

public enum DiagnosticFormat
{
    Text,
    Json,
    Sarif,
    Github,
    Junit,
}
