namespace ManifestFlow.Core.Rules;

/// <summary>
/// How a rule's Bad and Good examples are run through the real command line, for findings that only a
/// command other than `validate` (or `validate` on something other than a manifest) can show. The
/// command runs in a directory holding <see cref="Files"/>; <see cref="Placeholder"/> in
/// <see cref="CommandLine"/> stands for the example.
/// </summary>
/// <param name="CommandLine">The arguments after <c>manifestflow</c>, separated by single spaces (no quoting).</param>
/// <param name="ExampleFile">
/// Where the example text is written, relative to the directory; the placeholder then names that file.
/// Null when the example is itself part of the command line (for example a path that does not exist).
/// </param>
public sealed record CommandExample(string CommandLine, string? ExampleFile)
{
    public const string Placeholder = "{example}";

    /// <summary>The other files the command reads, by path relative to the directory it runs in.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; init; } = [];

    /// <summary>The arguments with the placeholder replaced, as a user would type them.</summary>
    public IReadOnlyList<string> Arguments(string example) =>
        CommandLine.Split(' ').Select(a => a == Placeholder ? ExampleFile ?? example : a).ToList();
}
