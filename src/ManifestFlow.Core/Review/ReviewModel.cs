using ManifestFlow.Core.Diagnostics;
using Scriban.Runtime;

namespace ManifestFlow.Core.Review;

/// <summary>
/// What a review template sees: plain ScriptObjects and ScriptArrays built from the report, never .NET
/// objects, so a template reaches no member, method or type beyond these keys (and AOT needs no
/// reflection). Every string is encoded here, before the template runs, because Scriban prints values
/// as they are: a template cannot forget to escape, and has no raw form that would let a manifest inject.
/// </summary>
public static class ReviewModel
{
    /// <param name="encode">For prose (messages, classifications).</param>
    /// <param name="code">For paths, names and values (Markdown: a code span); <paramref name="encode"/> when null.</param>
    public static ScriptObject Build(IReadOnlyList<JobReview> jobs, Func<string, string> encode, Func<string, string>? code = null)
    {
        code ??= encode;
        var errors = jobs.Sum(j => j.Risks.Count(r => r.Severity == Severity.Error));
        var warnings = jobs.Sum(j => j.Risks.Count(r => r.Severity == Severity.Warning));
        return new ScriptObject
        {
            ["jobs"] = Array(jobs.Select(j => Job(j, encode, code))),
            ["errors"] = errors,
            ["warnings"] = warnings,
            ["jobCount"] = jobs.Count,
        };
    }

    private static ScriptObject Job(JobReview j, Func<string, string> encode, Func<string, string> code) => new()
    {
        ["id"] = encode(j.Id),
        ["kind"] = encode(j.Kind),
        ["namespace"] = encode(j.Namespace),
        ["name"] = encode(j.Name),
        ["file"] = code(j.File),
        ["status"] = encode(j.Status),
        ["classification"] = encode(string.Join(", ", j.Classification)),
        ["savepoint"] = j.Savepoint is null ? encode("—") : j.Savepoint.StartsWith("pending ", StringComparison.Ordinal) ? encode(j.Savepoint) : code(j.Savepoint),
        ["riskSummary"] = encode(RiskSummary(j)),
        ["risks"] = Array(j.Risks.Select(r => new ScriptObject
        {
            ["id"] = encode(r.Id),
            ["severity"] = encode(r.Severity.ToString().ToLowerInvariant()),
            ["icon"] = r.Severity switch { Severity.Error => "🛑", Severity.Warning => "⚠️", _ => "ℹ️" },
            ["message"] = encode(r.Message),
            // null, not "", when absent: `if risk.location` is then false, as a template author expects.
            ["location"] = string.IsNullOrEmpty(r.Location) ? null : code(r.Location),
        })),
        ["fields"] = Array(j.Fields.Select(f => new ScriptObject
        {
            ["path"] = code(f.Path),
            ["before"] = f.Before is null ? encode("(unset)") : code(f.Before),
            ["after"] = f.After is null ? encode("(removed)") : code(f.After),
        })),
        ["fieldCount"] = j.Fields.Count,
    };

    private static ScriptArray Array(IEnumerable<ScriptObject> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }
        return array;
    }

    private static string RiskSummary(JobReview j)
    {
        var errors = j.Risks.Count(r => r.Severity == Severity.Error);
        var warnings = j.Risks.Count(r => r.Severity == Severity.Warning);
        return errors + warnings == 0 ? "none" : string.Join(", ", new[] { errors > 0 ? $"{errors} error(s)" : null, warnings > 0 ? $"{warnings} warning(s)" : null }.Where(s => s is not null));
    }
}
