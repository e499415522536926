using System.Text.RegularExpressions;
using ManifestFlow.Core.Checks;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Yaml;

/// <summary>
/// Two patterns on every path are matched by hand (the first use of a generated Regex costs start-up
/// time). Every string up to length 6 over the characters that matter must get the regex's answer.
/// </summary>
public sealed class HandWrittenPatternTests
{
    [Fact]
    public void YamlFloat_AgreesWithGoYamlsPattern()
    {
        var pattern = new Regex(@"\A[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z");
        var checkedCount = 0;
        foreach (var s in Strings("1.e+-Ex", 6))
        {
            Assert.True(pattern.IsMatch(s) == ScalarResolver.IsYamlFloat(s), $"'{s}'");
            checkedCount++;
        }
        Assert.True(checkedCount > 100_000);
    }

    [Fact]
    public void DeploymentName_AgreesWithTheOperatorsPattern()
    {
        var pattern = new Regex(@"\A[a-z]([-a-z0-9]{0,43}[a-z0-9])?\z");
        foreach (var s in Strings("a1-Z_", 6))
        {
            Assert.True(pattern.IsMatch(s) == OperatorCheck.IsValidName(s), $"'{s}'");
        }
        Assert.True(OperatorCheck.IsValidName(new string('a', 45)));
        Assert.False(OperatorCheck.IsValidName(new string('a', 46)));
        Assert.False(OperatorCheck.IsValidName("abc\n"));
    }

    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        var current = new List<string> { "" };
        yield return "";
        for (var length = 1; length <= maxLength; length++)
        {
            var next = new List<string>(current.Count * alphabet.Length);
            foreach (var prefix in current)
            {
                foreach (var c in alphabet)
                {
                    var s = prefix + c;
                    next.Add(s);
                    yield return s;
                }
            }
            current = next;
        }
    }
}
