using System.Text;

namespace ManifestFlow.Tests.Support;

/// <summary>
/// The one golden runner. Every command's cases share one layout, fixtures/&lt;command&gt;/&lt;case&gt;/:
/// <list type="bullet">
/// <item><c>args.txt</c>: the command line after <c>manifestflow</c>, split on spaces and newlines (no quoting);</item>
/// <item><c>expected.out</c>: stdout, byte for byte;</item>
/// <item><c>expected.err</c>: stderr, byte for byte;</item>
/// <item><c>exit-code</c>: the exit code and a newline;</item>
/// <item>every other file or directory: the inputs.</item>
/// </list>
/// A run copies the inputs into a scratch directory and runs the command there, so relative paths in
/// args.txt name the inputs and outputs show them as a user who typed that line would see them. Where
/// the scratch directory's absolute path appears in stdout or stderr it is written as <c>&lt;case&gt;</c>,
/// so the bytes do not depend on where the run happened. In args.txt <c>&lt;case&gt;</c> stands for that
/// same absolute path; the apply cases need it for <c>--patch</c>, which apply reads from the process's
/// current directory rather than from the working directory an in-process host gives the command.
/// One case is one run: the same inputs shown in another output format are another case
/// (review/backup and review/backup-json). GoldenCaseTests also requires the scratch directory to hold
/// exactly the inputs afterwards, so a case that writes files (--in-place, --out) needs expected files
/// for them added here first; OperationPeerTests covers those options today.
/// </summary>
internal sealed class GoldenCase
{
    public const string ArgumentsFile = "args.txt";
    public const string OutFile = "expected.out";
    public const string ErrFile = "expected.err";
    public const string ExitCodeFile = "exit-code";

    /// <summary>The scratch directory's absolute path, in args.txt and in the outputs.</summary>
    public const string CaseToken = "<case>";

    /// <summary>
    /// The tool's version (SARIF tool.driver.version, --version) in the outputs: it changes with every commit
    /// (MinVer's alpha height), so expected files name it and the run's real version must stand exactly there.
    /// </summary>
    public const string VersionToken = "<version>";

    private static readonly string[] RunnerFiles = [ArgumentsFile, OutFile, ErrFile, ExitCodeFile];

    private GoldenCase(string command, string name)
    {
        Command = command;
        Name = name;
    }

    /// <summary>The fixtures folder the case lives in (operations holds backup, restore and suspend).</summary>
    public string Command { get; }

    public string Name { get; }

    /// <summary>"&lt;command&gt;/&lt;case&gt;", the case's name in test results.</summary>
    public string Id => Command + "/" + Name;

    public string Directory => Path.Combine(Golden.FixturesRoot, Command, Name);

    public IReadOnlyList<string> Arguments =>
        File.ReadAllText(Path.Combine(Directory, ArgumentsFile)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The verb the case runs: apply, validate, restore, review …</summary>
    public string Verb => Arguments[0];

    /// <summary>The file in the case directory that an argument of args.txt names.</summary>
    public string PathOf(string argument) =>
        Path.Combine(Directory, argument.StartsWith(CaseToken + "/", StringComparison.Ordinal) ? argument[(CaseToken.Length + 1)..] : argument);

    public int ExpectedExitCode =>
        int.Parse(File.ReadAllText(Path.Combine(Directory, ExitCodeFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The inputs' paths relative to the case directory, '/'-separated and sorted.</summary>
    public IReadOnlyList<string> InputFiles =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !RunnerFiles.Contains(f))
            .Order(StringComparer.Ordinal)];

    public static GoldenCase Get(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return new GoldenCase(id[..slash], id[(slash + 1)..]);
    }

    /// <summary>
    /// Every case of every command: each directory fixtures/&lt;command&gt;/&lt;case&gt;/ holding args.txt, so a new
    /// case needs only its command line and inputs before MANIFESTFLOW_UPDATE_GOLDEN=1 writes the rest.
    /// </summary>
    public static IEnumerable<GoldenCase> All() =>
        System.IO.Directory.EnumerateDirectories(Golden.FixturesRoot)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .SelectMany(command => Of(command!));

    public static IEnumerable<GoldenCase> Of(string command)
    {
        var root = Path.Combine(Golden.FixturesRoot, command);
        return System.IO.Directory.Exists(root)
            ? System.IO.Directory.EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, ArgumentsFile)))
                .Select(d => new GoldenCase(command, Path.GetFileName(d)))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
            : [];
    }

    /// <summary>A fresh scratch directory holding a copy of the case's inputs.</summary>
    public string CopyInputs()
    {
        var scratch = TestTemp.Directory("mf-golden");
        foreach (var input in InputFiles)
        {
            var target = Path.Combine(scratch, input);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Directory, input), target);
        }
        return scratch;
    }

    /// <summary>Runs args.txt (then <paramref name="extraArguments"/>) in a fresh copy of the inputs.</summary>
    public Result Run(params string[] extraArguments)
    {
        var scratch = CopyInputs();
        string[] arguments = [.. Arguments.Select(a => a.Replace(CaseToken, scratch, StringComparison.Ordinal)), .. extraArguments];
        var outcome = Binary is { } binary
            ? ProcessRunner.Run(binary, arguments, scratch)
            : CliRunner.Run(arguments, workingDirectory: scratch);
        return new Result(scratch, outcome);
    }

    /// <summary>
    /// MANIFESTFLOW_TEST_BINARY=/path/to/manifestflow runs every case as a process of that executable (the
    /// native build, in .ci/run) instead of in-process, so the shipped binary is held to the same bytes.
    /// </summary>
    /// <summary>The version of what runs the cases: the in-process tool's, or what the binary's --version says.</summary>
    public static string ToolVersion => BinaryVersion.Value ?? ManifestFlow.Cli.Runtime.ToolVersion.Current;

    private static readonly Lazy<string?> BinaryVersion = new(() =>
        Binary is { } binary ? Encoding.UTF8.GetString(ProcessRunner.Run(binary, ["--version"], Path.GetTempPath()).StandardOutput).Trim() : null);

    public static string? Binary =>
        Environment.GetEnvironmentVariable("MANIFESTFLOW_TEST_BINARY") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    public override string ToString() => Id;

    /// <summary>One run: the scratch directory it ran in and what it wrote.</summary>
    public sealed record Result(string WorkingDirectory, CliRunner.Outcome Outcome)
    {
        public int ExitCode => Outcome.ExitCode;

        /// <summary>stdout with the scratch directory written as &lt;case&gt; and the tool's version as &lt;version&gt;.</summary>
        public byte[] Out => Stable(Outcome.StandardOutput);

        /// <summary>stderr with the scratch directory written as &lt;case&gt; and the tool's version as &lt;version&gt;.</summary>
        public byte[] Err => Stable(Encoding.UTF8.GetBytes(Outcome.StandardError));

        private byte[] Stable(byte[] bytes) => Replace(Replace(bytes, WorkingDirectory, CaseToken), ToolVersion, VersionToken);

        /// <summary>Byte-level, so a BOM, CRLF or bytes that are not UTF-8 in the output survive untouched.</summary>
        private static byte[] Replace(byte[] bytes, string text, string replacement)
        {
            var path = Encoding.UTF8.GetBytes(text);
            var token = Encoding.UTF8.GetBytes(replacement);
            var result = new List<byte>(bytes.Length);
            ReadOnlySpan<byte> rest = bytes;
            for (var at = rest.IndexOf(path); at >= 0; at = rest.IndexOf(path))
            {
                result.AddRange(rest[..at]);
                result.AddRange(token);
                rest = rest[(at + path.Length)..];
            }
            result.AddRange(rest);
            return [.. result];
        }
    }
}
