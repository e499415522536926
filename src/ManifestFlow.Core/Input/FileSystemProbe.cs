using System.Runtime.InteropServices;

namespace ManifestFlow.Core.Input;

/// <summary>
/// What .NET's file API does not say: whether a path is a regular file (FileInfo reports length 0 for
/// /dev/zero and FIFOs, so a size check alone lets a device be read forever or a FIFO block forever), and
/// where a path really leads once every symbolic link on the way is followed.
/// </summary>
internal static class FileSystemProbe
{
    private const int MaxLinkHops = 40; // Linux's own limit (ELOOP)

    /// <summary>stat(2) through the runtime's own native shim; its FileStatus starts with Flags, then Mode.</summary>
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>True for a regular file, following links; false for devices, FIFOs, sockets and what cannot be stat'ed.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path);
        }
        var status = new byte[256];
        return Stat(path, status) == 0 && (BitConverter.ToInt32(status, 4) & TypeMask) == RegularFile;
    }

    /// <summary>
    /// The path with every link resolved, component by component. ".." is taken from the directory already
    /// resolved, as the kernel does, not lexically: a lexical ".." after a link would name a different place
    /// than the one actually opened.
    /// </summary>
    public static string RealPath(string path)
    {
        var rooted = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var pending = new List<string>(Components(rooted));
        var current = Path.GetPathRoot(rooted)!;
        var hops = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var part = pending[i];
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops)
            {
                throw new IOException($"too many levels of symbolic links (a link loop?) resolving {path}");
            }
            if (Path.IsPathRooted(link))
            {
                current = Path.GetPathRoot(link)!;
            }
            pending.InsertRange(i + 1, Components(link));
        }
        return current;
    }

    private static string[] Components(string path) =>
        path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
}
