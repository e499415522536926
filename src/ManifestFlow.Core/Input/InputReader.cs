using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Input;

/// <summary>
/// Reads the inputs a command names: files, directories (recursively, *.yaml, *.yml and *.json, in
/// ordinal path order so output is deterministic) and "-" for standard input. Unreadable input is
/// reported, never thrown.
/// </summary>
public sealed class InputReader(ReadLimits limits, Func<Stream> openStdin, string? baseDirectory = null)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public const string StdinName = "<stdin>";

    public sealed record Result(IReadOnlyList<SourceFile> Files, IReadOnlyList<Diagnostic> Errors);

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
        return new Result(files, errors);
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
            foreach (var path in Expand([resolved], errors, given))
            {
                result.Add(new Pending(path, path == resolved ? given : Path.Combine(given, Path.GetRelativePath(resolved, path))));
            }
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

    /// <summary>Expands directories into their manifest files; keeps explicit files whatever their extension.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<Diagnostic> errors, string? display = null)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                result.Add(path);
            }
            else if (Directory.Exists(path))
            {
                result.AddRange(Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                errors.Add(Catalog.Unreadable(display ?? path, "no such file or directory"));
            }
        }
        return result;
    }

    private byte[]? ReadFile(string path, string display, List<Diagnostic> errors)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                errors.Add(Catalog.TooLarge(display, length, limits.MaxFileBytes));
                return null;
            }
            return File.ReadAllBytes(path);
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
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stdin.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxFileBytes)
            {
                errors.Add(Catalog.TooLarge(StdinName, buffer.Length, limits.MaxFileBytes));
                return null;
            }
        }
        return buffer.ToArray();
    }
}
