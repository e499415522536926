namespace ManifestFlow.Cli.Output;

/// <summary>Writes a file so that readers see the old bytes or the new ones, never half of each.</summary>
internal static class AtomicFile
{
    /// <summary><paramref name="mode"/> is set before the rename, so no reader sees the file without it (an executable, say).</summary>
    public static void Write(string path, byte[] bytes, UnixFileMode? mode = null)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && mode is { } wanted)
            {
                File.SetUnixFileMode(temp, wanted);
            }
            else if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
