using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Diagnostics;

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

    public static Diagnostic Syntax(SourceFile file, int index, string problem) =>
        At(YamlSyntax, file, index, $"YAML syntax error: {problem}");

    public static Diagnostic SyntaxAt(string file, int line, int column, string problem) =>
        new(YamlSyntax, Severity.Error, $"YAML syntax error: {problem}", file, line, column);

    public static Diagnostic InvalidUtf8(string file, int line, int column) =>
        new(Encoding, Severity.Error, "the file is not valid UTF-8 here; save it as UTF-8", file, line, column);

    public static Diagnostic ControlCharacter(SourceFile file, int index, char c) =>
        At(Encoding, file, index, $"control character U+{(int)c:X4} is not allowed in YAML; remove it");

    public static Diagnostic Duplicate(SourceFile file, YNode key, string name, YNode first) =>
        At(DuplicateKey, file, key.Start,
            $"duplicate key '{name}' (first at line {file.PositionOf(first.Start).Line}); the API server would silently keep the last one, so remove one of them");

    public static Diagnostic TooDeep(SourceFile file, int index, int limit) =>
        At(LimitExceeded, file, index, $"nesting deeper than {limit} levels; flatten the document");

    public static Diagnostic TooLarge(string file, long size, long limit) =>
        new(LimitExceeded, Severity.Error, $"input of {size} bytes exceeds the limit of {limit} bytes", file);

    public static Diagnostic AliasExpansion(SourceFile file, YAlias alias, long limit) =>
        At(LimitExceeded, file, alias.Start,
            $"alias *{alias.Name} expands the document past {limit} nodes (an alias bomb?); refusing to expand it");

    public static Diagnostic UnknownAlias(SourceFile file, int index, string name) =>
        At(YamlSyntax, file, index, $"YAML syntax error: alias *{name} refers to no anchor defined before it");

    public static Diagnostic Unrepresentable(SourceFile file, YNode node, string why) =>
        At(UnrepresentableValue, file, node.Start, why);

    public static Diagnostic Unreadable(string file, string why) =>
        new(UnreadableFile, Severity.Error, $"cannot read input: {why}", file);

    public static Diagnostic Patch(string file, string why, int? operation = null) =>
        new(InvalidPatch, Severity.Error, why, file, OperationIndex: operation);

    /// <summary>A failing operation, located at the node its pointer names or the deepest node on the way.</summary>
    public static Diagnostic PatchFailure(SourceDocument document, string why, int? operation, JsonPointer? pointer)
    {
        var position = NodeLocator.PositionOf(document, pointer);
        return new(PatchFailed, Severity.Error, $"document {document.Index + 1}: {why}", document.File.Path,
            position.Line, position.Column, pointer?.ToString(), OperationIndex: operation);
    }

    public static Diagnostic NothingSelected(string selectors) =>
        new(PatchFailed, Severity.Error, $"no resource in the input matches --select {selectors}; check the kind, namespace and name", "-");

    public static Diagnostic Refused(SourceFile file, int index, string pointer, string why) =>
        At(EditRefused, file, index, $"cannot edit '{pointer}' without changing other values: {why}") with { Pointer = pointer };

    /// <summary>A backup, restore or suspend that cannot be made, located at the field that prevents it.</summary>
    public static Diagnostic Refusal(SourceDocument document, JsonPointer pointer, string message, ResourceRef? resource)
    {
        var position = NodeLocator.PositionOf(document, pointer);
        return new Diagnostic(OperationRefused, Severity.Error, message, document.File.Path, position.Line, position.Column, pointer.ToString(), resource);
    }

    private static Diagnostic At(string id, SourceFile file, int index, string message)
    {
        var position = file.PositionOf(index);
        return new Diagnostic(id, Severity.Error, message, file.Path, position.Line, position.Column);
    }
}
