using System.Text.RegularExpressions;

namespace ManifestFlow.Core.Diagnostics;

/// <summary>
/// The one place that decides what is a secret, applied wherever text leaves the tool for people
/// (validate's findings, plans, review reports): by key name (a secret-looking configuration key, an
/// env entry or header whose name is secret-looking, the argument after --password) and by value
/// shape (bearer tokens, credentials inside URIs, key=value pairs with a secret key, private keys).
/// </summary>
public static partial class Redaction
{
    public const string Redacted = "[redacted]";

    /// <summary>Whether a key, a name or a JSON Pointer names a secret.</summary>
    public static bool IsSecretKey(string? key) => key is not null && SecretKey().IsMatch(key);

    /// <summary>Whether a command-line argument is an option whose next argument is a secret (--password, -token, ...).</summary>
    public static bool IsSecretOption(string? argument) => argument is not null && SecretOption().IsMatch(argument);

    /// <summary>A value found under <paramref name="key"/>: wholly redacted when the key is secret, else redacted by shape.</summary>
    public static string Value(string? key, string value) => IsSecretKey(key) ? Redacted : Text(value);

    /// <summary>Free text with every secret-shaped part replaced by <see cref="Redacted"/>.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var s = PrivateKeyBlock().Replace(text, Redacted);
        s = UriUserInfo().Replace(s, m => $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:{Redacted}@");
        s = OptionValue().Replace(s, m => $"{m.Groups["option"].Value}{m.Groups["sep"].Value}{Redacted}");
        s = KeyValue().Replace(s, m => $"{m.Groups["key"].Value}{m.Groups["sep"].Value}{Redacted}");
        s = AuthScheme().Replace(s, m => $"{m.Groups["scheme"].Value} {Redacted}");
        s = AwsAccessKeyId().Replace(s, Redacted);
        return s;
    }

    private const string Words = @"secret|password|passwd|pwd|access[-_.]?key|account[-_.]?key|private[-_.]?key|api[-_.]?key|auth[-_.]?token|jaas\.config|token|credential|authorization|client[-_.]?secret";

    [GeneratedRegex(Words, RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"\A--?[\w.-]*(?:" + Words + @")[\w.-]*\z", RegexOptions.IgnoreCase)]
    private static partial Regex SecretOption();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\z)")]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?<user>[^/\s:@?#]*):(?<password>[^/\s@?#]+)@")]
    private static partial Regex UriUserInfo();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic|Token|Digest))\s+(?<value>[A-Za-z0-9._~+/=-]{4,})", RegexOptions.IgnoreCase)]
    private static partial Regex AuthScheme();

    [GeneratedRegex(@"(?<option>(?<![\w-])--?[\w.-]*(?:" + Words + @")[\w.-]*)(?<sep>=|\s+)(?<value>(?!\[redacted\])[^\s""',;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();

    [GeneratedRegex(@"(?<key>(?<![\w.-])[\w.-]*(?:" + Words + @")[\w.-]*)(?<sep>\s*[:=]\s*)(?<value>(?!\[redacted\])(?!//)(?:(?:Bearer|Basic|Token|Digest)\s+)?[^\s""',;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsAccessKeyId();
}
