using ManifestFlow.Core.Flink;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// Index key of <see cref="ValidationContext"/>. A hand-written class rather than a tuple or a record:
/// dictionaries keyed by framework value types, and the generic equality a record's enum member uses,
/// cannot be precompiled (ReadyToRun) and were jitted on every start of a one-file validation.
/// </summary>
internal sealed class ResourceKey(ResourceKind kind, string ns, string name) : IEquatable<ResourceKey>
{
    private readonly ResourceKind _kind = kind;
    private readonly string _namespace = ns;
    private readonly string _name = name;

    public bool Equals(ResourceKey? other) =>
        other is not null && _kind == other._kind && string.Equals(_namespace, other._namespace, StringComparison.Ordinal) && string.Equals(_name, other._name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ResourceKey);

    public override int GetHashCode() =>
        unchecked((((int)_kind * 397) ^ StringComparer.Ordinal.GetHashCode(_namespace)) * 397 ^ StringComparer.Ordinal.GetHashCode(_name));
}
