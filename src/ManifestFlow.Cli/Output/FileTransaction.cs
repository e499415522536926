using System.Security.Cryptography;

namespace ManifestFlow.Cli.Output;

/// <summary>
/// Every file one run writes, written all or nothing. All temporaries are written (and synced) first, next to
/// their targets; each target is then checked to still hold what the run read — a concurrent run or an editor
/// would otherwise lose its change silently — and only then renamed into place. A failed rename puts back the
/// files already replaced. A symbolic link is kept and its target edited; the mode is kept except setuid and
/// setgid, which a rewritten manifest must not inherit.
/// </summary>
internal sealed class FileTransaction
{
    private const UnixFileMode Privileged = UnixFileMode.SetUser | UnixFileMode.SetGroup;

    private readonly List<Entry> _entries = [];

    /// <summary>The rename step; tests replace it to make a rename fail part-way.</summary>
    internal Action<string, string> Move { get; init; } = (from, to) => File.Move(from, to, overwrite: true);

    public sealed record Outcome(bool Succeeded, string Message, IReadOnlyList<string> Notes);

    private sealed record Entry(string Path, byte[] Content, byte[]? ExpectedHash, bool MustNotExist);

    /// <summary>Replaces an existing file, provided it still holds the bytes whose SHA-256 is <paramref name="expectedHash"/>.</summary>
    public void Replace(string path, byte[] content, byte[] expectedHash) => _entries.Add(new Entry(path, content, expectedHash, false));

    /// <summary>Creates a file that must not exist yet.</summary>
    public void Create(string path, byte[] content) => _entries.Add(new Entry(path, content, null, true));

    /// <summary>Writes a file whatever is there (an output directory's own files).</summary>
    public void Put(string path, byte[] content) => _entries.Add(new Entry(path, content, null, false));

    public static byte[] Hash(byte[] bytes) => SHA256.HashData(bytes);

    public Outcome Commit()
    {
        var notes = new List<string>();
        var staged = new List<(Entry Entry, string Target, string Temp)>();
        try
        {
            foreach (var entry in _entries)
            {
                // Rename replaces what it is given; given a link, it would replace the link. Edit what it points at.
                var target = File.Exists(entry.Path) ? File.ResolveLinkTarget(entry.Path, returnFinalTarget: true)?.FullName ?? entry.Path : entry.Path;
                var temp = Stage(entry, target, notes, out var error);
                if (temp is null)
                {
                    Discard(staged);
                    return new Outcome(false, $"cannot write {entry.Path}: {error}; nothing was written", []);
                }
                staged.Add((entry, target, temp));
            }
            using var locks = TargetLocks.Acquire(staged.Select(s => s.Target));
            var originals = new List<(string Target, byte[]? Bytes)>();
            foreach (var (entry, target, _) in staged)
            {
                var current = File.Exists(target) ? File.ReadAllBytes(target) : null;
                if (entry.MustNotExist && current is not null || entry.ExpectedHash is not null && (current is null || !Hash(current).AsSpan().SequenceEqual(entry.ExpectedHash)))
                {
                    Discard(staged);
                    return new Outcome(false, $"{entry.Path} changed since it was read (another run or an editor?); nothing was written, run again on the new content", []);
                }
                originals.Add((target, current));
            }
            return Rename(staged, originals, notes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(staged);
            return new Outcome(false, $"{e.Message}; nothing was written", []);
        }
    }

    private Outcome Rename(List<(Entry Entry, string Target, string Temp)> staged, List<(string Target, byte[]? Bytes)> originals, List<string> notes)
    {
        for (var i = 0; i < staged.Count; i++)
        {
            try
            {
                Move(staged[i].Temp, staged[i].Target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Discard(staged.Skip(i).ToList());
                var unrestored = Restore(originals.Take(i).ToList());
                var what = unrestored.Count == 0
                    ? "nothing was written (the files already replaced were put back)"
                    : $"these files were written and could not be put back: {string.Join(", ", unrestored)}";
                return new Outcome(false, $"cannot write {staged[i].Entry.Path}: {e.Message}; {what}", []);
            }
        }
        return new Outcome(true, $"{staged.Count} file(s) written", notes);
    }

    /// <summary>Puts back the files already renamed over, atomically each; returns those it could not.</summary>
    private List<string> Restore(List<(string Target, byte[]? Bytes)> replaced)
    {
        var failed = new List<string>();
        foreach (var (target, bytes) in replaced)
        {
            try
            {
                if (bytes is null)
                {
                    File.Delete(target);
                    continue;
                }
                var temp = TempName(target);
                File.WriteAllBytes(temp, bytes);
                Move(temp, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add($"{target} ({e.Message})");
            }
        }
        return failed;
    }

    private static string? Stage(Entry entry, string target, List<string> notes, out string? error)
    {
        error = null;
        var temp = TempName(target);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(entry.Content);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                var mode = File.GetUnixFileMode(target);
                if ((mode & Privileged) != 0)
                {
                    notes.Add($"{entry.Path}: setuid/setgid bits dropped; a manifest is not a program");
                }
                File.SetUnixFileMode(temp, mode & ~Privileged);
            }
            return temp;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
            return null;
        }
    }

    /// <summary>Short: a long file name plus a long suffix would pass NAME_MAX and fail the write.</summary>
    private static string TempName(string target) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $".mf{Guid.NewGuid():N}"[..12] + ".tmp");

    private static void Discard(IEnumerable<(Entry Entry, string Target, string Temp)> staged)
    {
        foreach (var (_, _, temp) in staged)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a leftover hidden temporary is harmless; the error already reported matters more
            }
        }
    }
}
