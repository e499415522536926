using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Every message about unreadable input or a change that cannot be made, in one place, each saying what
/// is wrong and what to do. Ids and severities come from the rules in <see cref="RuleCatalog"/>, so a
/// finding cannot carry an id the documentation and SARIF metadata do not describe.
/// </summary>
public static class Catalog
{
    /// <summary>
    /// The id of <see cref="RuleCatalog.OperationRefused"/>, for callers that have not switched to the
    /// rule itself yet (the planner and the command runner).
    /// </summary>
    public static string OperationRefused => RuleCatalog.OperationRefused.Id;

    /// <summary>Findings about input that could not be read at all (rules marked <see cref="Rule.InputUnreadable"/>): exit code 2, not 1.</summary>
    public static bool IsUnreadableInput(Diagnostic diagnostic) => RuleCatalog.Find(diagnostic.RuleId)?.InputUnreadable == true;

    public static Diagnostic Syntax(SourceLocation at, string problem) =>
        At(RuleCatalog.YamlSyntax, at, $"YAML syntax error: {problem}");

    public static Diagnostic InvalidUtf8(string file, int line, int column) =>
        In(RuleCatalog.Encoding, "the file is not valid UTF-8 here; save it as UTF-8", file, line, column);

    public static Diagnostic ControlCharacter(SourceLocation at, char c) =>
        At(RuleCatalog.Encoding, at, $"control character U+{(int)c:X4} is not allowed in YAML; remove it");

    public static Diagnostic Duplicate(SourceLocation at, string name, int firstLine) =>
        At(RuleCatalog.DuplicateKey, at,
            $"duplicate key '{name}' (first at line {firstLine}); the API server would silently keep the last one, so remove one of them");

    public static Diagnostic TooDeep(SourceLocation at, int limit) =>
        At(RuleCatalog.LimitExceeded, at, $"nesting deeper than {limit} levels; flatten the document");

    public static Diagnostic TooLarge(string file, long size, long limit) =>
        In(RuleCatalog.LimitExceeded, $"input of {size} bytes exceeds the limit of {limit} bytes", file);

    public static Diagnostic TooManyDocuments(SourceLocation at, int limit) =>
        At(RuleCatalog.LimitExceeded, at, $"more than {limit} documents in one file; split the stream into several files");

    public static Diagnostic AliasExpansion(SourceLocation at, string alias, long limit) =>
        At(RuleCatalog.LimitExceeded, at,
            $"alias *{alias} expands the document past {limit} nodes (an alias bomb?); refusing to expand it");

    public static Diagnostic UnknownAlias(SourceLocation at, string name) =>
        At(RuleCatalog.YamlSyntax, at, $"YAML syntax error: alias *{name} refers to no anchor defined before it");

    public static Diagnostic Unrepresentable(SourceLocation at, string why) =>
        At(RuleCatalog.UnrepresentableValue, at, why);

    public static Diagnostic Unreadable(string file, string why) =>
        In(RuleCatalog.UnreadableFile, $"cannot read input: {why}", file);

    public static Diagnostic Patch(string file, string why, int? operation = null) =>
        In(RuleCatalog.InvalidPatch, why, file, operation: operation);

    /// <summary>A failing operation, located at the node its pointer names or the deepest node on the way.</summary>
    public static Diagnostic PatchFailure(SourceLocation at, int document, string why, int? operation) =>
        At(RuleCatalog.PatchFailed, at, $"document {document + 1}: {why}") with { OperationIndex = operation };

    public static Diagnostic NothingSelected(string selectors) =>
        In(RuleCatalog.PatchFailed, $"no resource in the input matches --select {selectors}; check the kind, namespace and name", "-");

    public static Diagnostic Refused(SourceLocation at, string why) =>
        At(RuleCatalog.EditRefused, at, $"cannot edit '{at.Pointer}' without changing other values: {why}");

    /// <summary>A backup, restore or suspend that cannot be made, located at the field that prevents it.</summary>
    public static Diagnostic Refusal(SourceLocation at, string message, ResourceRef? resource) =>
        At(RuleCatalog.OperationRefused, at, message) with { Resource = resource };

    /// <summary>A finding of the rule at a position, with the rule's severity.</summary>
    private static Diagnostic At(Rule rule, SourceLocation at, string message) =>
        new(rule.Id, rule.Severity, message, at.File, at.Line, at.Column, at.Pointer);

    /// <summary>A finding of the rule about a whole file (or an operation of it), with the rule's severity.</summary>
    private static Diagnostic In(Rule rule, string message, string file, int line = 0, int column = 0, int? operation = null) =>
        new(rule.Id, rule.Severity, message, file, line, column, OperationIndex: operation);
}
