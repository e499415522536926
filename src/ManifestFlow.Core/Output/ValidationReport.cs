using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Output;

/// <summary>What a renderer needs: the sorted findings and the counts of the summary.</summary>
public sealed record ValidationReport(IReadOnlyList<Diagnostic> Diagnostics, int Files, int Resources)
{
    /// <summary>Findings a <c>manifestflow.io/ignore</c> annotation hid: not counted, but SARIF records them as suppressed.</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>The severity from which a finding fails the run (JUnit makes those failures, the rest passing cases).</summary>
    public Severity FailOn { get; init; } = Severity.Error;

    /// <summary>Every resource checked, with its file: JUnit lists the clean ones as passing cases.</summary>
    public IReadOnlyList<(string File, ResourceRef Resource)> Checked { get; init; } = [];

    /// <summary>Rules this run did not report (--disable, --only, FlinkValidate), which SARIF records as turned off.</summary>
    public IReadOnlySet<string> RulesOff { get; init; } = new HashSet<string>();

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Infos => Diagnostics.Count(d => d.Severity == Severity.Info);

    /// <summary>What the run passed over on purpose (other tools' files, skipped kinds, Helm charts, excludes).</summary>
    public SkipCounts Skipped { get; init; } = SkipCounts.None;

    /// <summary>The one-line summary for stderr.</summary>
    public string Summary =>
        $"manifestflow: {Files} {Plural(Files, "file")}, {Resources} {Plural(Resources, "resource")}: {Errors} {Plural(Errors, "error")}, {Warnings} {Plural(Warnings, "warning")}" +
        (Infos > 0 ? $", {Infos} info" : "") + (Suppressed.Count > 0 ? $" ({Suppressed.Count} suppressed)" : "") + (Skipped.Total > 0 ? $" ({Skipped.Text})" : "");

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
