using BenchmarkDotNet.Attributes;
using ManifestFlow.Core.Editing;
using ManifestFlow.Core.Patch;
using ManifestFlow.Core.Validation;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Bench;

/// <summary>BenchmarkDotNet micro-benchmarks of the hot paths on one synthetic job file: parse, splice, validate.</summary>
[MemoryDiagnoser]
public class HotPaths
{
    private SourceFile _file = null!;
    private YamlStreamReader.Result _read = null!;
    private JsonPatch _patch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = new SourceFile("job.yaml", SyntheticRepository.Job(7));
        _read = YamlStreamReader.Read(_file);
        _patch = JsonPatchParser.Parse("""[{"op":"add","path":"/spec/job/initialSavepointPath","value":"file:/opt/flink/volume/x/savepoints/savepoint-1"},{"op":"replace","path":"/spec/job/state","value":"running"}]""").Patch!;
    }

    [Benchmark]
    public int Parse() => YamlStreamReader.Read(_file).Documents.Count;

    [Benchmark]
    public string? PatchAndSplice()
    {
        var targets = _read.Documents.Select(d => d.Index == 0 ? _patch.Apply(d.Value).Result : d.Value).ToList();
        return SourceRewriter.Rewrite(_file, _read.Documents, targets, ReadLimits.Default).Text;
    }

    [Benchmark]
    public int Validate() => Validator.Validate([_file], ReadLimits.Default).Diagnostics.Count;
}
