using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ManifestFlow.Core.Json;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Editing;

/// <summary>
/// The strings YAML 1.1 makes treacherous (words that read as booleans, numbers in every base, indicators,
/// comment markers, multi-line text), written by apply as values and keys in block and flow context,
/// must read back in kubectl as exactly those strings.
/// </summary>
public sealed class ScalarEmissionKubectlTests
{
    private static readonly string[] Tricky =
    [
        "yes", "no", "on", "off", "y", "n", "Y", "true", "False", "null", "~", "", "1", "1.0", "0x1F", "017", "08", "1_000", "1e3",
        ".5", ".inf", "-.Inf", ".nan", "-", ":", "- a", "a: b", "a #b", "a#b", "#x", "@x", "`x", "%x", "!x", "&x", "*x", "|", "> x",
        "[a]", "{a}", "a,b", "a, b", "s3://bucket/x", "file:///opt/flink", "190:20:30", "2001-12-14", "12:30", "0o17", "0b101", "+1",
        "-1", "1.2.3", " lead", "trail ", "multi\nline", "multi\nline\n", "tab\tx", "quote'\"", "é✓🚀", "<<", "=", "?", "? x", "---",
        "...", "--- x", "a\\b", "\\", "NaN", "Infinity", "0.", "-0", "key: value # comment", "\u00a0nbsp", "line\r\nbreak",
    ];

    [Fact]
    public void TrickyStrings_ReadBackInKubectlAsTheSameStrings()
    {
        var dir = TestTemp.Directory("mf-scalars");
        var input = Path.Combine(dir, "input.yaml");
        File.WriteAllText(input, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tricky\n  labels: {existing: x}\ndata:\n  keep: x\nlist: [x]\n");
        var patch = new JsonArray();
        for (var i = 0; i < Tricky.Length; i++)
        {
            patch.Add(Op($"/data/v{i}", Tricky[i]));
            patch.Add(Op($"/metadata/labels/v{i}", Tricky[i]));
            patch.Add(Op("/list/-", Tricky[i]));
            patch.Add(Op($"/data/{JsonPointer.Escape("k" + Tricky[i])}", i));
        }
        // Raw characters: go-yaml cannot read JSON's surrogate-pair escapes (\uD83D\uDE80).
        var patchJson = Regex.Replace(
            patch.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            @"\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})",
            m => char.ConvertFromUtf32(char.ConvertToUtf32((char)Convert.ToInt32(m.Groups[1].Value, 16), (char)Convert.ToInt32(m.Groups[2].Value, 16))));
        var patchFile = Path.Combine(dir, "patch.json");
        File.WriteAllText(patchFile, patchJson);

        var outcome = CliRunner.Run(["apply", "--patch", patchFile, input]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var output = Path.Combine(dir, "output.yaml");
        File.WriteAllBytes(output, outcome.StandardOutput);

        var (expected, error) = Kubectl.Patch(input, patchJson);
        Assert.True(expected is not null, error);
        var (actual, error2) = Kubectl.Patch(output);
        Assert.True(actual is not null, error2 + "\n" + outcome.Stdout);
        Assert.True(JsonEquality.DeepEquals(expected[0], actual[0]), $"kubectl reads the output differently:\n{outcome.Stdout}");
    }

    private static JsonObject Op(string path, JsonNode? value) =>
        new() { ["op"] = "add", ["path"] = path, ["value"] = value };
}
