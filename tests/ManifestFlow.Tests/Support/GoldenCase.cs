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

    /// <summary>Runs args.txt (then <paramref name="extraArguments"/>) in a fresh copy of the inputs.</summary>
    public Result Run(params string[] extraArguments)
    {
        var scratch = TestTemp.Directory("mf-golden");
        foreach (var input in InputFiles)
        {
            var target = Path.Combine(scratch, input);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Directory, input), target);
        }
        var arguments = Arguments.Select(a => a.Replace(CaseToken, scratch, StringComparison.Ordinal));
        return new Result(scratch, CliRunner.Run([.. arguments, .. extraArguments], workingDirectory: scratch));
    }

    public override string ToString() => Id;

    /// <summary>One run: the scratch directory it ran in and what it wrote.</summary>
    public sealed record Result(string WorkingDirectory, CliRunner.Outcome Outcome)
    {
        public int ExitCode => Outcome.ExitCode;

        /// <summary>stdout with the scratch directory written as &lt;case&gt;.</summary>
        public byte[] Out => Stable(Outcome.StandardOutput);

        /// <summary>stderr with the scratch directory written as &lt;case&gt;.</summary>
        public byte[] Err => Stable(Encoding.UTF8.GetBytes(Outcome.StandardError));

        /// <summary>Byte-level, so a BOM, CRLF or bytes that are not UTF-8 in the output survive untouched.</summary>
        private byte[] Stable(byte[] bytes)
        {
            var path = Encoding.UTF8.GetBytes(WorkingDirectory);
            var token = Encoding.UTF8.GetBytes(CaseToken);
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
