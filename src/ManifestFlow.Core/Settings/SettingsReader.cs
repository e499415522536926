using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Core.Settings;

/// <summary>
/// Reads a <c>.manifestflow.yaml</c>. Every problem is reported at once, each at its own line and column
/// (rule MF0401): an unknown key or rule with the nearest known one, a value of the wrong type, a severity
/// override of a rule whose severity protects state. A settings file the run cannot trust is not used
/// at all — half of it would switch checks on or off that nobody asked for.
/// </summary>
public static class SettingsReader
{
    public const string FileName = ".manifestflow.yaml";

    /// <summary>The settings a file may hold (schemas/manifestflow-settings.schema.json lists the same).</summary>
    public static IReadOnlyList<string> Keys { get; } = ["failOn", "disable", "only", "severity", "exclude", "skipKinds"];

    private static readonly string[] SeverityNames = ["error", "warning", "info"];

    public sealed record Result(RepositorySettings? Settings, IReadOnlyList<Diagnostic> Errors);

    public static Result Read(SourceFile file, ReadLimits? limits = null)
    {
        var read = YamlStreamReader.Read(file, limits);
        if (!read.Succeeded)
        {
            return new Result(null, read.Errors);
        }
        var documents = read.Documents.Where(d => !d.IsEmpty).ToList();
        if (documents.Count == 0)
        {
            return new Result(new RepositorySettings(file.Path), []); // an empty file changes nothing
        }
        var errors = new List<Diagnostic>();
        var document = documents[0];
        void Error(JsonPointer at, string message) => errors.Add(ErrorAt(document.LocationOf(at), message));
        void KeyError(JsonPointer at, string message) => errors.Add(ErrorAt(KeyLocation(document, at), message));
        if (documents.Count > 1)
        {
            errors.Add(ErrorAt(documents[1].LocationOf(JsonPointer.Root), $"{FileName} holds one document; remove the '---' and what follows, or merge it into the first"));
        }
        if (document.Value is not JsonObject root)
        {
            Error(JsonPointer.Root, $"{FileName} must be a mapping of settings ({string.Join(", ", Keys)})");
            return new Result(null, errors);
        }
        if (root.ContainsKey("apiVersion") || root.ContainsKey("kind"))
        {
            // *.manifestflow.yaml is where config resources live; this one name is the settings file.
            Error(JsonPointer.Of(root.ContainsKey("kind") ? "kind" : "apiVersion"),
                $"{FileName} is the settings file, not a config resource: move a FlinkValidate, FlinkBackup, FlinkRestore or FlinkSuspend to a file such as validate.manifestflow.yaml, and write settings here without apiVersion and kind");
            return new Result(null, errors);
        }
        var settings = new RepositorySettings(file.Path);
        foreach (var (key, value) in root)
        {
            var at = JsonPointer.Of(key);
            switch (key)
            {
                case "failOn":
                    settings = settings with { FailOn = Text(value, at, ["error", "warning"], Error) is { } failOn ? Parse(failOn) : null };
                    break;
                case "disable":
                    settings = settings with { Disable = RuleIds(value, at, Error) };
                    break;
                case "only":
                    settings = settings with { Only = RuleIds(value, at, Error) };
                    break;
                case "severity":
                    settings = settings with { Severities = Overrides(value, at, Error, KeyError) };
                    break;
                case "exclude":
                    settings = settings with { Exclude = Texts(value, at, Error) };
                    break;
                case "skipKinds":
                    settings = settings with { SkipKinds = Texts(value, at, Error).ToHashSet(StringComparer.Ordinal) };
                    break;
                default:
                    var nearest = Suggestions.Nearest(key, Keys);
                    KeyError(at, $"unknown setting '{key}'{(nearest is null ? "" : $"; did you mean {nearest}?")} (known: {string.Join(", ", Keys)})");
                    break;
            }
        }
        return errors.Count > 0 ? new Result(null, errors) : new Result(settings, []);
    }

    /// <summary>
    /// A rule's severity may be raised or lowered, except where it guards what is written or read: an
    /// unreadable input, a patch that does not apply, a refused operation or an invalid config resource
    /// stay errors, so no settings file can make a refused restore be written.
    /// </summary>
    public static bool CanOverride(Rule rule) =>
        !rule.InputUnreadable && rule.Category is not ("patch" or "operation" or "configuration");

    private static Dictionary<string, Severity> Overrides(JsonNode? value, JsonPointer at, Action<JsonPointer, string> error, Action<JsonPointer, string> keyError)
    {
        var overrides = new Dictionary<string, Severity>(StringComparer.Ordinal);
        if (value is not JsonObject map)
        {
            error(at, $"{at.Segments[0]} must be a mapping of rule id to error, warning or info (for example MF1003: error)");
            return overrides;
        }
        foreach (var (key, severity) in map)
        {
            var here = at.Append(key);
            if (RuleLookup.Find(key) is not { } rule)
            {
                keyError(here, RuleLookup.Unknown(key));
                continue;
            }
            if (!CanOverride(rule))
            {
                keyError(here, $"the severity of {rule.Id} ({rule.Name}) cannot be changed: it stops a run on input that cannot be read or a change that is unsafe");
                continue;
            }
            if (Text(severity, here, SeverityNames, error) is { } name)
            {
                overrides[rule.Id] = Parse(name);
            }
        }
        return overrides;
    }

    private static HashSet<string> RuleIds(JsonNode? value, JsonPointer at, Action<JsonPointer, string> error)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var texts = value is JsonArray array ? array : null;
        if (texts is null)
        {
            error(at, $"{at.Segments[0]} must be a list of rule ids or names (for example [MF1003, directories-nested])");
            return ids;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            var here = at.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Text(texts[i], here, null, error) is not { } given)
            {
                continue;
            }
            if (RuleLookup.Find(given) is { } rule)
            {
                ids.Add(rule.Id);
            }
            else
            {
                error(here, RuleLookup.Unknown(given));
            }
        }
        return ids;
    }

    private static List<string> Texts(JsonNode? value, JsonPointer at, Action<JsonPointer, string> error)
    {
        if (value is not JsonArray array)
        {
            error(at, $"{at.Segments[0]} must be a list of strings");
            return [];
        }
        var texts = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (Text(array[i], at.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, error) is { } text)
            {
                texts.Add(text);
            }
        }
        return texts;
    }

    private static string? Text(JsonNode? value, JsonPointer at, string[]? allowed, Action<JsonPointer, string> error)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>() is not { Length: > 0 } text)
        {
            error(at, $"{string.Join('.', at.Segments)} must be a non-empty string{(allowed is null ? "" : $": {string.Join(", ", allowed)}")}");
            return null;
        }
        if (allowed is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            var nearest = Suggestions.Nearest(text, allowed);
            error(at, $"{string.Join('.', at.Segments)} '{text}' is not one of {string.Join(", ", allowed)}{(nearest is null ? "" : $"; did you mean {nearest}?")}");
            return null;
        }
        return text;
    }

    private static Severity Parse(string name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>Where a mapping key is written (a finding about the key itself points at it, not at its value).</summary>
    private static SourceLocation KeyLocation(SourceDocument document, JsonPointer at)
    {
        var parent = JsonPointer.Of([.. at.Segments.Take(at.Segments.Count - 1)]);
        if (NodeLocator.Find(document, parent) is { Exact: true, Node: YMapping mapping } &&
            mapping.Entries.FirstOrDefault(e => YamlToJson.KeyName(e.Key, out _) == at.Segments[^1]) is { } entry)
        {
            return new SourceLocation(document.File.Path, document.File.PositionOf(entry.Key.Start), at.ToString());
        }
        return document.LocationOf(at);
    }

    private static Diagnostic ErrorAt(SourceLocation at, string message) =>
        new(RuleCatalog.ConfigInvalid.Id, Severity.Error, message, at.File, at.Line, at.Column, at.Pointer);
}
