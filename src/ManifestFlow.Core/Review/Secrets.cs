using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Review;

/// <summary>Configuration keys whose values must never reach a pull-request comment (see <see cref="Redaction"/>).</summary>
public static class Secrets
{
    public const string Redacted = Redaction.Redacted;

    public static bool IsSecretPath(string path) => Redaction.IsSecretKey(path);
}
