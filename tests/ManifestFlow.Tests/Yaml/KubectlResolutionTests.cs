using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Yaml;

/// <summary>
/// Values resolve as the Kubernetes API server resolves them: for every real manifest, what
/// ManifestFlow reads equals what <c>kubectl patch --local -o json</c> reads.
/// </summary>
public sealed class KubectlResolutionTests
{
    public static TheoryData<string> CorpusExamples() => Manifests.CorpusExamples();

    [Theory]
    [MemberData(nameof(CorpusExamples))]
    public void CorpusExample_ReadsAsKubectlReadsIt(string relative)
    {
        var path = SharedCorpus.Require(relative);
        AssertSameAsKubectl(path);
    }

    [Theory]
    [InlineData("anchors-and-merge-keys.yaml")]
    [InlineData("bom-crlf.yaml")]
    [InlineData("multi-doc-edge.yaml")]
    [InlineData("deep-block-nesting.yaml")]
    [InlineData("long-line.yaml")]
    [InlineData("injection.yaml")]
    public void ValidAdversarialInput_ReadsAsKubectlReadsIt(string name)
    {
        var path = SharedCorpus.Require($"corpus/adversarial/{name}");
        AssertSameAsKubectl(path);
    }

    [Fact]
    public void Yaml11Scalars_ResolveAsKubectlResolvesThem()
    {
        var text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: scalars}
            data:
              b1: yes
              b2: On
              b3: n
              b4: TRUE
              b5: y
              b6: off
              n1: ~
              n2: Null
              n3:
              i1: 0x1F
              i2: 017
              i3: 0o17
              i4: 1_000
              i5: 0b101
              i6: +12
              i7: -0x10
              s7: 190:20:30
              i8: 12345678901234567890
              i9: 9223372036854775807
              f1: 1.0
              f2: 1e3
              f3: .5
              f4: 1.5e-7
              f5: 3.14159265358979323846
              f6: 6.02e+23
              f7: 1.
              f8: -0
              f9: 08
              s1: 1.2.3
              s3: "yes"
              s4: !!str 12
              s5: 1e
              s6: 2001-12-14
              s8: 'on'
              s9: |
                block
              base: &b {p: 1, q: 2}
              other: &c {q: 3, r: 4}
              m1: {p: 10, <<: *b}
              m2: {<<: *b, p: 10}
              m3: {<<: [*b, *c]}
              m4: {<<: [*c, *b], r: 9}
              on: keyon
              1: intkey
              1.5: floatkey
              "<<": quoted
            """;
        var path = Path.Combine(TestTemp.Directory("mf-yaml11"), "scalars.yaml");
        File.WriteAllText(path, text);
        AssertSameAsKubectl(path);
    }

    [Fact]
    public void FloatOverflow_IsAStringAsKubectlReadsIt()
    {
        var path = Path.Combine(TestTemp.Directory("mf-overflow"), "overflow.yaml");
        File.WriteAllText(path, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: overflow}\nbig: 1e400\nsmall: -1E+999\nwide: 1" + new string('0', 400) + "\nfine: 1e300\nlist: [1e400, .5e-400]\n1e400: key\n");
        AssertSameAsKubectl(path);
    }

    [Fact]
    public void FloatOverflowInAPatch_IsAppliedAsKubectlAppliesIt()
    {
        const string Patch = """[{"op":"add","path":"/metadata/annotations","value":{"a":1e400}},{"op":"add","path":"/huge","value":-1e400}]""";
        var dir = TestTemp.Directory("mf-overflow");
        var path = Path.Combine(dir, "cm.yaml");
        File.WriteAllText(path, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: overflow}\ndata: {big: 1e400}\n");
        File.WriteAllText(Path.Combine(dir, "patch.json"), Patch);

        var outcome = CliRunner.Run(["apply", "--patch", Path.Combine(dir, "patch.json"), path]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        var (expected, error) = Kubectl.Patch(path, Patch);
        Assert.True(expected is not null, error);
        var ours = Manifests.Values(Manifests.ReadText(outcome.Stdout));
        Assert.True(JsonEquality.DeepEquals(expected[0], ours[0]), $"kubectl: {expected[0]!.ToJsonString()}\nours: {ours[0]!.ToJsonString()}");
        Assert.Equal("-1e400", ours[0]!["huge"]!.GetValue<string>());
    }

    [Fact]
    public void DuplicateKeys_AreAnErrorWhereKubectlKeepsTheLast()
    {
        var path = SharedCorpus.Require("corpus/adversarial/duplicate-keys.yaml");
        var (kubectl, _) = Kubectl.Patch(path);
        Assert.NotNull(kubectl); // kubectl accepts it silently
        var ours = Manifests.Read(path);
        var error = Assert.Single(ours.Errors);
        Assert.Equal(RuleCatalog.DuplicateKey.Id, error.RuleId);
        Assert.Equal(11, error.Line);
        Assert.Contains("upgradeMode", error.Message);
    }

    private static void AssertSameAsKubectl(string path)
    {
        var (expected, error) = Kubectl.Patch(path);
        var ours = Manifests.Read(path);
        if (expected is null)
        {
            Assert.False(ours.Succeeded && !error!.Contains("Kind", StringComparison.Ordinal) && !error.Contains("unmarshal", StringComparison.Ordinal),
                $"kubectl rejects {path} ({error}) but ManifestFlow read it");
            return;
        }
        Assert.True(ours.Succeeded, string.Join("\n", ours.Errors));
        var values = Manifests.Values(ours);
        Assert.Equal(expected.Count, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.True(JsonEquality.DeepEquals(expected[i], values[i]),
                $"document {i + 1} of {path}:\nkubectl: {expected[i]?.ToJsonString()}\nours:    {values[i]?.ToJsonString()}");
        }
    }
}
