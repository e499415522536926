using System.Diagnostics;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Bench;

/// <summary>
/// Where one file's apply goes, phase by phase, on one thread over a directory (after a warm-up pass):
/// decode, YamlDotNet's own event stream, our reader (tree + JSON values), the patch, the text edit, the
/// read-back verification. Per-file microseconds and allocations; for deciding what to make faster.
/// </summary>
internal static class Phases
{
    private const string Patch = """[{"op":"add","path":"/metadata/annotations","value":{"manifestflow.io/bench":"restore"}}]""";

    public static int Run(string directory)
    {
        var bytes = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllBytes(p))).ToList();
        var patch = JsonPatchParser.Parse(Patch).Patch!;
        Pass(bytes, patch, report: false);
        Pass(bytes, patch, report: true);
        return 0;
    }

    private static void Pass(List<(string Path, byte[] Bytes)> inputs, JsonPatch patch, bool report)
    {
        var phases = new (string Name, Func<State, object?> Step)[]
        {
            ("decode", s => s.File = SourceDecoder.Decode(s.Path, s.Bytes, out _)),
            ("YamlDotNet events only", s => CountEvents(s.File!.Text)),
            ("read (events + tree + JSON)", s => s.Read = YamlStreamReader.Read(s.File!)),
            ("patch", s => s.Targets = s.Read!.Documents.Select(d => patch.Apply(d.Value).Result).ToList()),
            ("edit (splices)", s => s.Text = TextSplice.ApplyAll(s.File!.Text, s.Read!.Documents.SelectMany((d, i) => DocumentEditor.Edit(d, s.Targets![i]).Splices).ToList())),
            ("rewrite incl. verify", s => SourceRewriter.Rewrite(s.File!, s.Read!.Documents, s.Targets!, ReadLimits.Default)),
        };
        var states = inputs.Select(i => new State { Path = i.Path, Bytes = i.Bytes }).ToList();
        foreach (var (name, step) in phases)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var s in states)
            {
                step(s);
            }
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            if (report)
            {
                Console.WriteLine($"{name,-30} {watch.Elapsed.TotalMicroseconds / states.Count,8:F1} µs/file {allocated / 1024.0 / states.Count,8:F1} KiB/file");
            }
        }
    }

    private static int CountEvents(string text)
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(text));
        var n = 0;
        while (parser.MoveNext())
        {
            n++;
        }
        return n;
    }

    private sealed class State
    {
        public required string Path { get; init; }
        public required byte[] Bytes { get; init; }
        public SourceFile? File { get; set; }
        public YamlStreamReader.Result? Read { get; set; }
        public List<JsonNode?>? Targets { get; set; }
        public string? Text { get; set; }
    }
}
