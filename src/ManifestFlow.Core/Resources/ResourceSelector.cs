using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Resources;

/// <summary>
/// Chooses resources by <c>KIND/NAME</c> (any namespace) or <c>KIND/NAMESPACE/NAME</c>. Kind matches
/// case-insensitively, as kubectl's resource arguments do; names match exactly.
/// </summary>
public sealed record ResourceSelector(string Kind, string? Namespace, string Name)
{
    public static ResourceSelector? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            error = $"'{text}' is not KIND/NAME or KIND/NAMESPACE/NAME";
            return null;
        }
        return parts.Length == 2 ? new ResourceSelector(parts[0], null, parts[1]) : new ResourceSelector(parts[0], parts[1], parts[2]);
    }

    public bool Matches(ResourceRef? resource) =>
        resource is not null &&
        string.Equals(resource.Kind, Kind, StringComparison.OrdinalIgnoreCase) &&
        resource.Name == Name &&
        (Namespace is null || (resource.Namespace ?? "") == Namespace);

    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
