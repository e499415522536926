using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Output;

/// <summary>What a renderer needs: the sorted findings and the counts of the summary.</summary>
public sealed record ValidationReport(IReadOnlyList<Diagnostic> Diagnostics, int Files, int Resources)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Infos => Diagnostics.Count(d => d.Severity == Severity.Info);

    /// <summary>What the run passed over on purpose (other tools' files, skipped kinds, Helm charts, excludes).</summary>
    public SkipCounts Skipped { get; init; } = SkipCounts.None;

    /// <summary>The one-line summary for stderr.</summary>
    public string Summary =>
        $"manifestflow: {Files} {Plural(Files, "file")}, {Resources} {Plural(Resources, "resource")}: {Errors} {Plural(Errors, "error")}, {Warnings} {Plural(Warnings, "warning")}" +
        (Infos > 0 ? $", {Infos} info" : "") + (Skipped.Total > 0 ? $" ({Skipped.Text})" : "");

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
