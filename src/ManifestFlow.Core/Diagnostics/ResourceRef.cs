namespace ManifestFlow.Core.Diagnostics;

/// <summary>Identifies a Kubernetes resource in messages: apiVersion, kind, namespace, name.</summary>
public sealed record ResourceRef(string? ApiVersion, string? Kind, string? Namespace, string? Name)
{
    public override string ToString() =>
        $"{Kind ?? "?"} {(string.IsNullOrEmpty(Namespace) ? "" : Namespace + "/")}{Name ?? "?"}";
}
