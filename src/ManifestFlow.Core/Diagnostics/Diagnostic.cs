namespace ManifestFlow.Core.Diagnostics;

/// <summary>
/// One finding: a stable rule id, a severity, a message saying what to change, and where.
/// Line and column are 1-based; 0 means the problem has no position (for example an unreadable file).
/// </summary>
public sealed record Diagnostic(
    string RuleId,
    Severity Severity,
    string Message,
    string File,
    int Line = 0,
    int Column = 0,
    string? Pointer = null,
    ResourceRef? Resource = null,
    int? OperationIndex = null)
{
    /// <summary>Compiler style: <c>path:line:col: error MF0001: message [Kind ns/name]</c>.</summary>
    public override string ToString()
    {
        var file = TerminalText.Escape(Redaction.Text(File));
        var where = Line > 0 ? $"{file}:{Line}:{Column}" : file;
        var severity = Severity.ToString().ToLowerInvariant();
        var resource = Resource is null ? "" : $" [{Resource}]";
        // One finding, one line: a line break or escape sequence inside a value must not forge a second finding or reach the terminal.
        return $"{where}: {severity} {TerminalText.Escape(RuleId)}: {TerminalText.Escape(Redaction.Text(Message))}{TerminalText.Escape(resource)}";
    }

    /// <summary>Sort order for deterministic output: file, line, column, severity, rule.</summary>
    public static int Compare(Diagnostic a, Diagnostic b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c == 0) { c = a.Line.CompareTo(b.Line); }
        if (c == 0) { c = a.Column.CompareTo(b.Column); }
        if (c == 0) { c = b.Severity.CompareTo(a.Severity); }
        if (c == 0) { c = string.CompareOrdinal(a.RuleId, b.RuleId); }
        return c == 0 ? string.CompareOrdinal(a.Message, b.Message) : c;
    }
}
