using System.Globalization;

namespace ManifestFlow.Cli.Runtime;

/// <summary>The time generated names use: SOURCE_DATE_EPOCH (the reproducible-builds convention) when set.</summary>
internal static class Clock
{
    public static DateTimeOffset Now() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
}
