using ManifestFlow.Core.Review;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Review;

/// <summary>Values from manifests cannot inject into a pull-request comment, and secrets never reach it.</summary>
public sealed class ReviewSafetyTests
{
    [Fact]
    public void InjectionFile_IsEscapedAndItsSecretsRedacted()
    {
        var dir = TestTemp.Directory("mf-review-inject");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "head"));
        File.Copy(SharedCorpus.Require("corpus/adversarial/injection.yaml"), Path.Combine(dir, "head", "injection.yaml"));
        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--fail-on", "none"], workingDirectory: dir);
        Assert.Equal(0, outcome.ExitCode);
        // Paths and values are code spans (inert: no HTML, links or mentions inside code); the prose around them is checked.
        var md = System.Text.RegularExpressions.Regex.Replace(outcome.Stdout, @"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", "`code`");
        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(?<!\\)\[[^\]]*\]\(", md);             // no live Markdown link from a value
        Assert.DoesNotMatch(@"@[A-Za-z]", md);                     // no @mention: a word joiner follows every @
        Assert.DoesNotMatch(@"\n#+ [^M]", md.Replace("\n### Flink", "", StringComparison.Ordinal)); // only our own headings
        foreach (var line in md.Split('\n').Where(l => l.StartsWith("| /spec", StringComparison.Ordinal)))
        {
            Assert.Equal(3, line.Split(" | ").Length);              // a value cannot add a column
        }
        var text = File.ReadAllText(Path.Combine(dir, "head", "injection.yaml"));
        foreach (var secret in Secrets(text))
        {
            Assert.DoesNotContain(secret, outcome.Stdout);
        }
        Assert.Contains($"`{ManifestFlow.Core.Review.Secrets.Redacted}`", outcome.Stdout);
    }

    /// <summary>The values of secret-looking keys in the injection file.</summary>
    private static IEnumerable<string> Secrets(string yaml) =>
        yaml.Split('\n').Where(l => ManifestFlow.Core.Review.Secrets.IsSecretPath(l.Split(':')[0]) && l.Contains(": ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim().Trim('"', '\''))
            .Where(v => v.Length > 3);

    [Theory]
    [InlineData("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;")]
    [InlineData("[click](http://evil)", "\\[click\\]\\(http:\u2060//evil\\)")]
    [InlineData("@team please", "@\u2060team please")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("line\n# Heading", "line \\#\u2060 Heading")]
    [InlineData("s3://bucket/sp", "s3://bucket/sp")]
    public void MarkdownEncoder_EscapesEveryInjectionVector(string value, string expected) =>
        Assert.Equal(expected, MarkdownEncoder.Escape(value));
}
