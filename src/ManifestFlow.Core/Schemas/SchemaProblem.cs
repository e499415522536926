using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Schemas;

/// <summary>What the API server would object to in one place of a resource.</summary>
public enum SchemaProblemKind
{
    /// <summary>A field the schema does not declare: rejected under strict field validation, otherwise pruned.</summary>
    UnknownField,

    /// <summary>A value of the wrong JSON type (or an integer out of its format's range).</summary>
    WrongType,

    /// <summary>A value outside the field's enumeration.</summary>
    NotInEnum,
}

/// <summary>
/// One problem at <paramref name="Pointer"/>. <paramref name="Message"/> starts with the field's dotted
/// path; <paramref name="Suggestion"/> is the nearest declared field or value, when one is close.
/// </summary>
public sealed record SchemaProblem(SchemaProblemKind Kind, JsonPointer Pointer, string Message, string? Suggestion = null);
