using ManifestFlow.Core.Flink;

namespace ManifestFlow.Tests.Flink;

/// <summary>Flink's TimeUtils.parseDuration, as the operator reads kubernetes.operator.periodic.savepoint.interval.</summary>
public sealed class FlinkDurationTests
{
    [Theory]
    [InlineData("60s", 60_000)]
    [InlineData("6h", 21_600_000)]
    [InlineData(" 30 min ", 1_800_000)]
    [InlineData("30m", 1_800_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("2 DAYS", 172_800_000)]
    [InlineData("1500", 1_500)]
    [InlineData("250ms", 250)]
    [InlineData("10 seconds", 10_000)]
    [InlineData("3 hours", 10_800_000)]
    [InlineData("0s", 0)]
    public void ValidDurations_AreReadAsFlinkReadsThem(string text, long milliseconds)
    {
        var parsed = FlinkDuration.Parse(text, out var error);
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), parsed);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("h6", "does not start with a number")]
    [InlineData("-5s", "does not start with a number")]
    [InlineData("1.5h", "'.5h' is not one of Flink's time units")]
    [InlineData("6hrs", "'hrs' is not one of")]
    [InlineData("PT6H", "does not start with a number")]
    [InlineData("99999999999999999999d", "numeric overflow")]
    public void InvalidDurations_SayWhy(string text, string why)
    {
        Assert.Null(FlinkDuration.Parse(text, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 */6 * * ?", true)]
    [InlineData("0 0 12 * * ? 2027", true)]
    [InlineData("6 h", false)]
    public void CronExpressions_AreToldApart(string text, bool cron) => Assert.Equal(cron, FlinkDuration.LooksLikeCron(text));

    [Theory]
    [InlineData(60_000, "1min")]
    [InlineData(21_600_000, "6h")]
    [InlineData(90_000, "90s")]
    [InlineData(86_400_000, "1d")]
    public void Format_WritesTheLargestWholeUnit(long milliseconds, string text) => Assert.Equal(text, FlinkDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
