using System.Globalization;
using System.Numerics;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// Flink's Duration syntax, as TimeUtils.parseDuration reads a Duration option such as
/// <c>kubernetes.operator.periodic.savepoint.interval</c> (the operator's SnapshotUtils.interpretAsInterval
/// goes through ConfigurationUtils.convertValue): ASCII digits, optional blanks, then an optional unit label
/// (case-insensitive); no unit means milliseconds. No sign, no fraction, no ISO-8601.
/// </summary>
public static class FlinkDuration
{
    /// <summary>TimeUtils.TimeUnit's labels: each singular label, and each plural one with and without its "s".</summary>
    private static readonly Dictionary<string, long> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["d"] = TimeSpan.TicksPerDay,
        ["day"] = TimeSpan.TicksPerDay,
        ["days"] = TimeSpan.TicksPerDay,
        ["h"] = TimeSpan.TicksPerHour,
        ["hour"] = TimeSpan.TicksPerHour,
        ["hours"] = TimeSpan.TicksPerHour,
        ["min"] = TimeSpan.TicksPerMinute,
        ["m"] = TimeSpan.TicksPerMinute,
        ["minute"] = TimeSpan.TicksPerMinute,
        ["minutes"] = TimeSpan.TicksPerMinute,
        ["s"] = TimeSpan.TicksPerSecond,
        ["sec"] = TimeSpan.TicksPerSecond,
        ["secs"] = TimeSpan.TicksPerSecond,
        ["second"] = TimeSpan.TicksPerSecond,
        ["seconds"] = TimeSpan.TicksPerSecond,
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["milli"] = TimeSpan.TicksPerMillisecond,
        ["millis"] = TimeSpan.TicksPerMillisecond,
        ["millisecond"] = TimeSpan.TicksPerMillisecond,
        ["milliseconds"] = TimeSpan.TicksPerMillisecond,
        // Sub-tick units: a TimeSpan cannot hold them exactly, and no periodic interval needs them.
        ["µs"] = 0,
        ["micro"] = 0,
        ["micros"] = 0,
        ["microsecond"] = 0,
        ["microseconds"] = 0,
        ["ns"] = 0,
        ["nano"] = 0,
        ["nanos"] = 0,
        ["nanosecond"] = 0,
        ["nanoseconds"] = 0,
    };

    /// <summary>The duration, or null with <paramref name="error"/> saying why Flink would reject the text.</summary>
    public static TimeSpan? Parse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "it is empty";
            return null;
        }
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }
        if (digits == 0)
        {
            error = "it does not start with a number (Flink's durations are whole numbers with a unit, such as 30 min, 6h or 1d)";
            return null;
        }
        var unit = trimmed[digits..].Trim().ToLowerInvariant();
        var perUnit = TimeSpan.TicksPerMillisecond;
        if (unit.Length > 0 && !TicksPerUnit.TryGetValue(unit, out perUnit))
        {
            error = $"'{unit}' is not one of Flink's time units (d, h, min or m, s, ms, and their long names)";
            return null;
        }
        var number = BigInteger.Parse(trimmed[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        if (perUnit == 0)
        {
            return number.IsZero ? TimeSpan.Zero : TimeSpan.FromTicks(1);
        }
        var ticks = number * perUnit;
        if (ticks > long.MaxValue)
        {
            error = $"{trimmed[..digits]} {unit} cannot be represented as a duration (numeric overflow)";
            return null;
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>A Quartz cron expression has 6 or 7 fields; Flink's durations never contain blanks between numbers.</summary>
    public static bool LooksLikeCron(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length is 6 or 7;

    /// <summary>A duration as the operator's own docs write it: 6h, 30min, 90s, 250ms.</summary>
    public static string Format(TimeSpan d) =>
        d.Ticks % TimeSpan.TicksPerDay == 0 ? $"{d.Ticks / TimeSpan.TicksPerDay}d"
        : d.Ticks % TimeSpan.TicksPerHour == 0 ? $"{d.Ticks / TimeSpan.TicksPerHour}h"
        : d.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{d.Ticks / TimeSpan.TicksPerMinute}min"
        : d.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{d.Ticks / TimeSpan.TicksPerSecond}s"
        : $"{d.Ticks / TimeSpan.TicksPerMillisecond}ms";
}
