using System.CommandLine;
using System.Reflection;
using System.Text;
using ManifestFlow.Cli.Input;
using ManifestFlow.Cli.Output;
using ManifestFlow.Cli.Runtime;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Input;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Review;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Commands;

/// <summary><c>manifestflow review</c>: what a change does to each Flink job, and what can lose state.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliConsole console)
    {
        var baseOption = new Option<string>("--base") { Description = "the tree before: a git revision, or a directory (dir:PATH when the name is also a revision)", Required = true };
        var head = new Option<string?>("--head") { Description = "the tree after: a git revision, or a directory (dir:PATH when the name is also a revision; default: the working tree)" };
        var format = new Option<string>("--format", "-o") { Description = "markdown, json or text", DefaultValueFactory = _ => "markdown" };
        var failOn = new Option<string>("--fail-on") { Description = "exit 1 on a risk of this severity or worse: error (default), warning, or none (report only; unreadable input still exits 2)", DefaultValueFactory = _ => "error" };
        var template = new Option<string?>("--template") { Description = "a Scriban template to render instead of the built-in one (templates/README.md)" };
        var config = RepositorySettingsLoader.ConfigOption();
        format.OneOf("markdown", "json", "text");
        failOn.OneOf("error", "warning", "none");
        var command = new Command("review", "Review a change of Flink manifests between two trees (directories or git revisions).") { baseOption, head, format, failOn, template, config };
        command.SetAction(r => Run(console, r.GetValue(baseOption)!, r.GetValue(head), r.GetValue(format)!, r.GetValue(failOn)!, r.GetValue(template), r.GetValue(config)));
        return command;
    }

    private static int Run(CliConsole console, string baseTree, string? headTree, string format, string failOn, string? templatePath, string? configPath)
    {
        var report = new DiagnosticReporter(console.StandardError);
        var limits = ReadLimits.Default;
        var settings = RepositorySettingsLoader.Load(console, configPath, out var settingsError);
        if (settingsError is { } stop)
        {
            return stop;
        }
        var errors = new List<Diagnostic>();
        var before = Tree(console, baseTree, limits, errors);
        var after = Tree(console, headTree ?? DirectoryPrefix + ".", limits, errors);
        if (before is null || after is null || errors.Count > 0)
        {
            return report.Fail(errors, ExitCodes.UsageOrInput);
        }
        var request = new Session.Request(RunConfiguration.Default) { Limits = limits, Settings = settings };
        var baseOutcome = Session.Validate(Workspace.Read(before, limits, keepTrees: false), request);
        var headOutcome = Session.Validate(Workspace.Read(after, limits, keepTrees: false), request);
        if (baseOutcome.Unreadable || headOutcome.Unreadable)
        {
            // An unreadable file is not a removed resource: the review would be of something else.
            return report.Fail(baseOutcome.Diagnostics.Concat(headOutcome.Diagnostics).Where(Catalog.IsUnreadableInput), ExitCodes.UsageOrInput);
        }
        var jobs = Reviewer.Review(baseOutcome, headOutcome);
        string output;
        if (format == "json")
        {
            output = ReviewRenderer.RenderJson(jobs);
        }
        else
        {
            var name = templatePath ?? (format == "markdown" ? "review.md.scriban" : "review.txt.scriban");
            var template = templatePath is null ? BuiltIn(name) : ReadTemplate(console, templatePath, limits, errors);
            if (template is null)
            {
                return report.Fail(errors, ExitCodes.UsageOrInput);
            }
            var rendered = ReviewRenderer.Render(jobs, format, template, name);
            if (rendered.Output is null)
            {
                return report.Fail([Catalog.Unreadable(name, $"the template cannot be rendered: {rendered.Error}")], ExitCodes.UsageOrInput);
            }
            output = rendered.Output;
        }
        console.StandardOutput.Write(Encoding.UTF8.GetBytes(output));
        console.StandardOutput.Flush();
        var risks = jobs.SelectMany(j => j.Risks).ToList();
        var failing = failOn switch
        {
            "none" => 0,
            "warning" => risks.Count(r => r.Severity >= Severity.Warning),
            _ => risks.Count(r => r.Severity == Severity.Error),
        };
        console.StandardError.WriteLine($"manifestflow: {jobs.Count} Flink resource(s) changed, {risks.Count(r => r.Severity == Severity.Error)} error(s), {risks.Count(r => r.Severity == Severity.Warning)} warning(s)");
        return failing > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>
    /// A git revision of the repository here, or a directory (read like any input, paths relative to it) when the
    /// name is not a revision or is written <c>dir:PATH</c>. A name that is both is refused: a change can add a
    /// directory named like its base revision.
    /// </summary>
    private static IReadOnlyList<SourceFile>? Tree(CliConsole console, string tree, ReadLimits limits, List<Diagnostic> errors)
    {
        var explicitDirectory = tree.StartsWith(DirectoryPrefix, StringComparison.Ordinal);
        var directory = Path.GetFullPath(explicitDirectory ? tree[DirectoryPrefix.Length..] : tree, console.WorkingDirectory);
        var root = explicitDirectory ? null : GitTree.Root(console.WorkingDirectory);
        var isRevision = root is not null && GitTree.IsRevision(root, tree);
        if (explicitDirectory || !isRevision)
        {
            if (!Directory.Exists(directory))
            {
                errors.Add(Catalog.Unreadable(tree, explicitDirectory ? "no such directory"
                    : root is null ? "no such directory, and the working directory is not in a git repository" : "not a directory or a git revision here"));
                return null;
            }
            var read = new InputReader(limits, console.OpenStandardInput, directory).Read(["."]);
            errors.AddRange(read.Errors);
            return read.Files.Select(f => new SourceFile(Relative(f.Path), f.Text, f.HasBom)).ToList();
        }
        if (Directory.Exists(directory) && !GitTree.IsFullObjectName(tree))
        {
            errors.Add(Catalog.Unreadable(tree, $"is both a git revision and a directory here; write dir:{tree} for the directory or a full revision (the commit's object name) for the revision"));
            return null;
        }
        return GitTree.Read(root!, tree, limits, errors);
    }

    private const string DirectoryPrefix = "dir:";

    private static string Relative(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;

    private static string BuiltIn(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("templates/" + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Read like any input (regular files only, within the size limit, UTF-8).</summary>
    private static string? ReadTemplate(CliConsole console, string path, ReadLimits limits, List<Diagnostic> errors)
    {
        var full = Path.GetFullPath(path, console.WorkingDirectory);
        if (!File.Exists(full) || Directory.Exists(full))
        {
            errors.Add(Catalog.Unreadable(path, "template not found"));
            return null;
        }
        var read = new InputReader(limits, console.OpenStandardInput, console.WorkingDirectory).Read([path]);
        errors.AddRange(read.Errors);
        return read.Files.Count == 1 ? read.Files[0].Text : null;
    }
}
