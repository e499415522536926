using System.Text.RegularExpressions;

namespace ManifestFlow.Core.Review;

/// <summary>Configuration keys whose values must never reach a pull-request comment.</summary>
public static partial class Secrets
{
    public const string Redacted = "[redacted]";

    public static bool IsSecretPath(string path) => SecretKey().IsMatch(path);

    [GeneratedRegex(@"secret|password|passwd|access-key|access\.key|accesskey|account\.key|jaas\.config|token|credential|private-key", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
