using System.Text.Json.Nodes;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Editing;

/// <summary>
/// Seeded random edits on every real manifest: replacing, adding and removing values of every shape
/// (strings that need quoting, multi-line text, numbers, nested maps and lists). Each edit must succeed
/// — the rewriter re-reads its own output, so success means the text reads back as the engine's value —
/// or, only where anchors are involved, be refused with a reason. Never an exception.
/// </summary>
public sealed class RandomEditTests
{
    private static readonly JsonNode?[] Values =
    [
        JsonValue.Create("plain"), JsonValue.Create("yes"), JsonValue.Create("123"), JsonValue.Create(""), JsonValue.Create("a: b # c"),
        JsonValue.Create("two\nlines\n"), JsonValue.Create("no trailing\nnewline"), JsonValue.Create(" padded "), JsonValue.Create("it's \"quoted\""),
        JsonValue.Create("- dash"), JsonValue.Create("[flow]"), JsonValue.Create("tab\there"), JsonValue.Create("ünïcødé ✓ 🚀"), JsonValue.Create("null"),
        JsonValue.Create(42), JsonValue.Create(-1.5), JsonValue.Create(true), null,
        new JsonObject(), new JsonArray(), new JsonObject { ["k"] = "v", ["n"] = new JsonObject { ["x"] = 1 } },
        new JsonArray(1, "two", new JsonObject { ["three"] = 3 }), new JsonArray(new JsonArray("nested")),
    ];

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var c in GoldenCase.Of("apply"))
        {
            data.Add("fixtures/apply/" + c.Name + "/" + c.Arguments[^1]);
        }
        foreach (var example in Manifests.CorpusExamples())
        {
            data.Add("shared/" + example);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RandomEdits_ReadBackExactlyOrAreRefusedForAnchors(string input)
    {
        var path = input.StartsWith("shared/", StringComparison.Ordinal)
            ? SharedCorpus.Require(input["shared/".Length..])
            : Path.Combine(SharedCorpus.RepositoryRoot, input);
        var file = SourceDecoder.Decode(path, File.ReadAllBytes(path), out _)!;
        var read = YamlStreamReader.Read(file);
        if (!read.Succeeded)
        {
            return;
        }
        var random = new Random(input.Length * 7919 + input[^6] + int.Parse(Environment.GetEnvironmentVariable("MF_SEED") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        var succeeded = 0;
        for (var round = 0; round < 150; round++)
        {
            var targets = read.Documents.Select(d => d.Value?.DeepClone()).ToList();
            for (var i = 0; i < targets.Count; i++)
            {
                if (targets[i] is not null && random.Next(2) == 0)
                {
                    targets[i] = Mutate(targets[i]!, random);
                }
            }
            var result = SourceRewriter.Rewrite(file, read.Documents, targets, ReadLimits.Default);
            if (result.Succeeded)
            {
                succeeded++;
                continue;
            }
            var error = Assert.Single(result.Errors);
            Assert.Equal(RuleCatalog.EditRefused.Id, error.RuleId);
            var hasAnchors = read.Documents.Any(d => d.Root?.DescendantsAndSelf().Any(n => n.Anchor is not null || YamlToJsonHasMerge(n)) == true);
            Assert.True(hasAnchors, $"round {round}: {error}\n{Attempted(file, read, targets)}");
        }
        Assert.True(succeeded > 0);
    }

    /// <summary>The text the editor produced, to show what went wrong.</summary>
    private static string Attempted(SourceFile file, YamlStreamReader.Result read, List<JsonNode?> targets)
    {
        var splices = read.Documents.SelectMany((d, i) => DocumentEditor.Edit(d, targets[i]).Splices).ToList();
        var text = TextSplice.ApplyAll(file.Text, splices);
        var targetsText = string.Join("\n", targets.Select(t => t?.ToJsonString()));
        return $"--- targets\n{targetsText}\n--- text\n{text}";
    }

    private static bool YamlToJsonHasMerge(YNode node) =>
        node is YMapping m && m.Entries.Any(e => YamlToJson.IsMergeKey(e.Key));

    /// <summary>Changes one to three random places of the value.</summary>
    private static JsonNode Mutate(JsonNode root, Random random)
    {
        var count = random.Next(1, 4);
        for (var k = 0; k < count; k++)
        {
            var containers = root.AsEnumerableContainers().ToList();
            var container = containers[random.Next(containers.Count)];
            var value = Values[random.Next(Values.Length)]?.DeepClone();
            switch (container)
            {
                case JsonObject o when o.Count > 0 && random.Next(3) == 0:
                    o.Remove(o.ElementAt(random.Next(o.Count)).Key);
                    break;
                case JsonObject o when o.Count > 0 && random.Next(2) == 0:
                    o[o.ElementAt(random.Next(o.Count)).Key] = value;
                    break;
                case JsonObject o:
                    o["added-" + random.Next(1000)] = value;
                    break;
                case JsonArray a when a.Count > 0 && random.Next(3) == 0:
                    a.RemoveAt(random.Next(a.Count));
                    break;
                case JsonArray a when a.Count > 0 && random.Next(2) == 0:
                    a[random.Next(a.Count)] = value;
                    break;
                case JsonArray a:
                    a.Insert(random.Next(a.Count + 1), value);
                    break;
            }
        }
        return root;
    }
}

internal static class JsonNodeWalk
{
    public static IEnumerable<JsonNode> AsEnumerableContainers(this JsonNode node)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is JsonObject or JsonArray)
            {
                yield return current;
            }
            var children = current switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a.AsEnumerable(),
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                stack.Push(child);
            }
        }
    }
}
