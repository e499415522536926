using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Input;

/// <summary>
/// Reads the inputs a command names: files, directories (expanded by <see cref="InputTree"/>) and "-" for
/// standard input. Only regular files are read, and never past the size limit. Unreadable input is
/// reported, never thrown.
/// </summary>
public sealed class InputReader(ReadLimits limits, Func<Stream> openStdin, string? baseDirectory = null)
{
    public const string StdinName = "<stdin>";

    /// <summary>How directories are listed; tests replace it to make a directory unreadable even as root.</summary>
    internal InputTree Tree { get; init; } = InputTree.Disk;

    /// <summary>Paths to leave out (--exclude, the settings file); standard input is never excluded.</summary>
    public PathFilter Exclude { get; init; } = PathFilter.None;

    /// <summary>False where every file must be read (a render: a chart left out would be pruned).</summary>
    public bool SkipHelmCharts { get; init; } = true;

    private readonly List<SkippedInput> _skipped = [];

    /// <summary>What the reads so far left out: excluded paths and Helm charts.</summary>
    public IReadOnlyList<SkippedInput> Skipped => _skipped;

    public sealed record Result(IReadOnlyList<SourceFile> Files, IReadOnlyList<Diagnostic> Errors)
    {
        public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];
    }

    /// <summary>One input, found but not read yet: commands that stream a large directory read each on a worker.</summary>
    public sealed record Pending(string Path, string Display);

    public sealed record Loaded(SourceFile? File, Diagnostic? Error);

    public Result Read(IEnumerable<string> paths)
    {
        var files = new List<SourceFile>();
        var errors = new List<Diagnostic>();
        foreach (var input in Locate(paths, errors))
        {
            var (file, error) = Load(input);
            if (file is null)
            {
                errors.Add(error!);
                continue;
            }
            files.Add(file);
        }
        return new Result(files, errors) { Skipped = [.. _skipped] };
    }

    /// <summary>
    /// The inputs the paths name, in order; paths that do not exist are errors. Relative paths are opened
    /// from the command's working directory (which an in-process host may set) but shown as the user wrote them.
    /// </summary>
    public IReadOnlyList<Pending> Locate(IEnumerable<string> paths, List<Diagnostic> errors)
    {
        var result = new List<Pending>();
        foreach (var given in paths)
        {
            var resolved = given == "-" || baseDirectory is null || Path.IsPathRooted(given) ? given : Path.Combine(baseDirectory, given);
            Tree.Expand(resolved, given, new InputTree.Selection(Exclude, baseDirectory ?? Environment.CurrentDirectory, _skipped) { SkipHelmCharts = SkipHelmCharts }, result, errors);
        }
        return result;
    }

    /// <summary>Reads and decodes one input; safe to call from several threads for different files.</summary>
    public Loaded Load(Pending input)
    {
        var errors = new List<Diagnostic>(0);
        var bytes = input.Path == "-" ? ReadStdin(errors) : ReadFile(input.Path, input.Display, errors);
        if (bytes is null)
        {
            return new Loaded(null, errors[0]);
        }
        var file = SourceDecoder.Decode(input.Path == "-" ? StdinName : input.Display, bytes, out var error);
        return new Loaded(file, error);
    }

    private byte[]? ReadFile(string path, string display, List<Diagnostic> errors)
    {
        try
        {
            // Checked before opening: opening a FIFO blocks until a writer comes, and a device's length of 0 says nothing.
            if (!FileSystemProbe.IsRegularFile(path))
            {
                errors.Add(Catalog.Unreadable(display, "not a regular file (a device, FIFO or socket); refusing to read it"));
                return null;
            }
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                errors.Add(Catalog.TooLarge(display, length, limits.MaxFileBytes));
                return null;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            return ReadBounded(stream, display, (int)length, errors); // bounded again: the file may grow after the check
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(Catalog.Unreadable(display, e.Message));
            return null;
        }
    }

    private byte[]? ReadStdin(List<Diagnostic> errors)
    {
        using var stdin = openStdin();
        return ReadBounded(stdin, StdinName, 0, errors);
    }

    /// <summary>Reads until the end or one byte past the limit, whatever length the source claimed.</summary>
    private byte[]? ReadBounded(Stream source, string display, int expected, List<Diagnostic> errors)
    {
        using var buffer = new MemoryStream(expected + 1);
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxFileBytes)
            {
                errors.Add(Catalog.TooLarge(display, buffer.Length, limits.MaxFileBytes));
                return null;
            }
        }
        return buffer.ToArray();
    }
}
