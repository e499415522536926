using System.Security.Cryptography;
using System.Text;

namespace ManifestFlow.Cli.Output;

/// <summary>
/// Exclusive locks on the files a transaction replaces, held from the "unchanged since read" check to the
/// last rename, so two manifestflow runs on the same file cannot both pass the check and lose a patch.
/// The lock is a file of its own in the temp directory (the target is replaced by rename, so a lock on
/// it would stay on the old inode); .NET takes an advisory flock for FileShare.None.
/// </summary>
internal sealed class TargetLocks : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<FileStream> _held = [];

    /// <summary>Locks every target, in one order for all runs (no deadlock); throws IOException after waiting too long.</summary>
    public static TargetLocks Acquire(IEnumerable<string> targets)
    {
        var locks = new TargetLocks();
        var directory = Path.Combine(Path.GetTempPath(), "manifestflow-locks");
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var target in targets.Select(t => Path.GetFullPath(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(target)))[..32] + ".lock";
                locks._held.Add(Wait(Path.Combine(directory, name), target));
            }
            return locks;
        }
        catch
        {
            locks.Dispose();
            throw;
        }
    }

    private static FileStream Wait(string lockPath, string target)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20); // another run is writing this file; it holds the lock for milliseconds
            }
            catch (IOException e)
            {
                throw new IOException($"{target} is being written by another run (still locked after {Patience.TotalSeconds:0} s)", e);
            }
        }
    }

    public void Dispose()
    {
        foreach (var stream in _held)
        {
            stream.Dispose();
        }
        _held.Clear();
    }
}
