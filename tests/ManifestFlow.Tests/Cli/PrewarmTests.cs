using ManifestFlow.Cli;

namespace ManifestFlow.Tests.Cli;

public sealed class PrewarmTests
{
    [Fact]
    public void TheWarmUpSample_ValidatesClean_AndTakesThePatch()
    {
        // A sample that failed early would warm up only the reader, silently: keep it exercising the checks and the editor.
        Assert.True(Prewarm.Run());
    }
}
