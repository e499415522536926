using System.Globalization;
using System.Text;
using System.Xml;
using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Output;

/// <summary>
/// JUnit XML for CI test reports (GitLab <c>artifacts:reports:junit</c>, Jenkins <c>junit</c>): one test
/// suite per file; one case per finding, a failure when it fails the run (at or above --fail-on) and a
/// passing case carrying its message otherwise; a skipped case per finding an annotation suppresses, with
/// its reason; one passing case per resource without findings, so the
/// report counts what was checked. Written to the shape of the Jenkins xUnit schema (junit-10.xsd), which
/// GitLab's parser reads a subset of.
/// </summary>
public static class JunitRenderer
{
    /// <param name="paths">File names are written from its root, as in the other reports.</param>
    public static string Render(ValidationReport report, ReportPaths paths)
    {
        var suites = new SortedDictionary<string, List<Case>>(StringComparer.Ordinal);
        List<Case> Suite(string file)
        {
            var name = paths.Display(file);
            if (!suites.TryGetValue(name, out var cases))
            {
                suites[name] = cases = [];
            }
            return cases;
        }
        // Reported and suppressed findings in one order (file, line, column), as in the other reports.
        var findings = report.Diagnostics.Select(d => (Finding: d, Reason: (string?)null))
            .Concat(report.Suppressed.Select(s => (s.Finding, (string?)s.Reason))).ToList();
        findings.Sort((a, b) => Diagnostic.Compare(a.Finding, b.Finding));
        foreach (var (d, reason) in findings)
        {
            Suite(d.File).Add(new Case(CaseName(d, paths), d, reason is null && d.Severity >= report.FailOn) { SuppressedBecause = reason });
        }
        // By reference, one lookup per resource: a finding names the very resource it was reported on.
        var withFindings = new HashSet<object>(findings.Select(f => f.Finding.Resource).OfType<object>(), ReferenceEqualityComparer.Instance);
        foreach (var (file, resource) in report.Checked)
        {
            if (!withFindings.Contains(resource))
            {
                Suite(file).Add(new Case($"{resource}: no findings", null, false));
            }
        }
        var b = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(b, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", "manifestflow validate");
            WriteCounts(writer, suites.Values.SelectMany(c => c).ToList());
            foreach (var (file, cases) in suites)
            {
                writer.WriteStartElement("testsuite");
                writer.WriteAttributeString("name", Clean(file));
                WriteCounts(writer, cases);
                writer.WriteAttributeString("skipped", cases.Count(c => c.SuppressedBecause is not null).ToString(CultureInfo.InvariantCulture));
                foreach (var c in cases)
                {
                    WriteCase(writer, file, c);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        // XmlWriter over a StringBuilder declares utf-16; the bytes written are UTF-8.
        return b.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal) + "\n";
    }

    private sealed record Case(string Name, Diagnostic? Finding, bool Fails)
    {
        /// <summary>The reason of the <c>manifestflow.io/ignore</c> entry that hid this finding: a skipped case.</summary>
        public string? SuppressedBecause { get; init; }
    }

    private static void WriteCounts(XmlWriter writer, List<Case> cases)
    {
        writer.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", cases.Count(c => c.Fails).ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", "0");
        writer.WriteAttributeString("time", "0");
    }

    private static void WriteCase(XmlWriter writer, string file, Case c)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("name", Clean(c.Name));
        writer.WriteAttributeString("classname", Clean(file));
        writer.WriteAttributeString("time", "0");
        if (c.Finding is { } d)
        {
            var message = Clean(Redaction.Text(d.Message));
            if (c.SuppressedBecause is { } reason)
            {
                writer.WriteStartElement("skipped");
                writer.WriteAttributeString("message", Clean("suppressed by manifestflow.io/ignore: " + Redaction.Text(reason)));
                writer.WriteString(Clean(d.ToString()));
                writer.WriteEndElement();
            }
            else if (c.Fails)
            {
                writer.WriteStartElement("failure");
                writer.WriteAttributeString("type", Clean(d.RuleId));
                writer.WriteAttributeString("message", message);
                writer.WriteString(Clean(d.ToString()));
                writer.WriteEndElement();
            }
            else
            {
                writer.WriteElementString("system-out", Clean(d.ToString()));
            }
        }
        writer.WriteEndElement();
    }

    /// <summary>Rule, resource and line: unique enough to follow a finding across runs in the CI's history.</summary>
    private static string CaseName(Diagnostic d, ReportPaths paths)
    {
        var where = d.Line > 0 ? $"{paths.Display(d.File)}:{d.Line}:{d.Column}" : paths.Display(d.File);
        return d.Resource is null ? $"{d.RuleId} {where}" : $"{d.RuleId} {d.Resource} ({where})";
    }

    /// <summary>
    /// XML 1.0 cannot hold most control characters even escaped: each becomes its Unicode picture (ESC as
    /// ␛), as in the rules document, so a hostile value neither breaks the report nor vanishes.
    /// </summary>
    private static string Clean(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                b.Append(c).Append(text[++i]);
                continue;
            }
            b.Append(c switch
            {
                '\n' or '\t' or '\r' => c,
                < ' ' => (char)(0x2400 + c),
                '\ufffe' or '\uffff' => '\ufffd',
                _ when char.IsSurrogate(c) => '\ufffd', // a lone half of a pair is not a character
                _ => c,
            });
        }
        return b.ToString();
    }
}
