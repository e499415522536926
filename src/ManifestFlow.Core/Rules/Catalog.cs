using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Every message about unreadable input or a change that cannot be made, in one place, each saying what
/// is wrong and what to do. Rule ids are stable: scripts and suppressions refer to them.
/// </summary>
public static class Catalog
{
    public const string YamlSyntax = "MF0001";
    public const string Encoding = "MF0002";
    public const string DuplicateKey = "MF0003";
    public const string LimitExceeded = "MF0004";
    public const string UnrepresentableValue = "MF0005";
    public const string UnreadableFile = "MF0006";
    public const string InvalidPatch = "MF0101";
    public const string PatchFailed = "MF0102";
    public const string EditRefused = "MF0103";
    public const string OperationRefused = "MF0301";

    /// <summary>Findings about input that could not be read at all (MF0001–MF0006): exit code 2, not 1.</summary>
    public static bool IsUnreadableInput(Diagnostic diagnostic) => diagnostic.RuleId.StartsWith("MF000", StringComparison.Ordinal);

    public static Diagnostic Syntax(SourceLocation at, string problem) =>
        At(YamlSyntax, at, $"YAML syntax error: {problem}");

    public static Diagnostic InvalidUtf8(string file, int line, int column) =>
        new(Encoding, Severity.Error, "the file is not valid UTF-8 here; save it as UTF-8", file, line, column);

    public static Diagnostic ControlCharacter(SourceLocation at, char c) =>
        At(Encoding, at, $"control character U+{(int)c:X4} is not allowed in YAML; remove it");

    public static Diagnostic Duplicate(SourceLocation at, string name, int firstLine) =>
        At(DuplicateKey, at,
            $"duplicate key '{name}' (first at line {firstLine}); the API server would silently keep the last one, so remove one of them");

    public static Diagnostic TooDeep(SourceLocation at, int limit) =>
        At(LimitExceeded, at, $"nesting deeper than {limit} levels; flatten the document");

    public static Diagnostic TooLarge(string file, long size, long limit) =>
        new(LimitExceeded, Severity.Error, $"input of {size} bytes exceeds the limit of {limit} bytes", file);

    public static Diagnostic AliasExpansion(SourceLocation at, string alias, long limit) =>
        At(LimitExceeded, at,
            $"alias *{alias} expands the document past {limit} nodes (an alias bomb?); refusing to expand it");

    public static Diagnostic UnknownAlias(SourceLocation at, string name) =>
        At(YamlSyntax, at, $"YAML syntax error: alias *{name} refers to no anchor defined before it");

    public static Diagnostic Unrepresentable(SourceLocation at, string why) =>
        At(UnrepresentableValue, at, why);

    public static Diagnostic Unreadable(string file, string why) =>
        new(UnreadableFile, Severity.Error, $"cannot read input: {why}", file);

    public static Diagnostic Patch(string file, string why, int? operation = null) =>
        new(InvalidPatch, Severity.Error, why, file, OperationIndex: operation);

    /// <summary>A failing operation, located at the node its pointer names or the deepest node on the way.</summary>
    public static Diagnostic PatchFailure(SourceLocation at, int document, string why, int? operation) =>
        At(PatchFailed, at, $"document {document + 1}: {why}") with { OperationIndex = operation };

    public static Diagnostic NothingSelected(string selectors) =>
        new(PatchFailed, Severity.Error, $"no resource in the input matches --select {selectors}; check the kind, namespace and name", "-");

    public static Diagnostic Refused(SourceLocation at, string why) =>
        At(EditRefused, at, $"cannot edit '{at.Pointer}' without changing other values: {why}");

    /// <summary>A backup, restore or suspend that cannot be made, located at the field that prevents it.</summary>
    public static Diagnostic Refusal(SourceLocation at, string message, ResourceRef? resource) =>
        At(OperationRefused, at, message) with { Resource = resource };

    private static Diagnostic At(string id, SourceLocation at, string message) =>
        new(id, Severity.Error, message, at.File, at.Line, at.Column, at.Pointer);
}
