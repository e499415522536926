using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Schemas;

/// <summary>
/// The part of OpenAPI v3 the API server applies to a custom resource through its CRD's structural
/// schema: <c>type</c>, <c>properties</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>,
/// <c>format</c> int32/int64, <c>anyOf</c>/<c>oneOf</c>, <c>nullable</c>,
/// <c>x-kubernetes-preserve-unknown-fields</c> and <c>x-kubernetes-int-or-string</c>. A value of the wrong
/// type is one problem: nothing below it is checked again. <c>required</c> is not checked: the FlinkCluster
/// CRDs mark fields required that the operator's mutating webhook fills in before the API server
/// validates, so a manifest without them is accepted.
/// </summary>
public static class StructuralValidator
{
    /// <summary>
    /// Strict checks everything; <see cref="TypesOnly"/> only types and enumerations — for <c>status</c>,
    /// which the API server drops from a write of the resource itself and newer operators extend.
    /// </summary>
    public enum Mode
    {
        Strict,
        TypesOnly,
    }

    public static void Validate(JsonNode? value, JsonObject schema, JsonPointer at, string path, Mode mode, List<SchemaProblem> problems)
    {
        // A null is pruned before validation when the schema does not say nullable, and allowed when it does.
        if (value is null)
        {
            return;
        }
        if (TypeMismatch(value, schema) is { } expected)
        {
            problems.Add(new SchemaProblem(SchemaProblemKind.WrongType, at, $"{Show(path)} must be {expected}, not {Describe(value)}"));
            return;
        }
        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            problems.Add(NotInEnum(value, values, at, path));
            return;
        }
        switch (value)
        {
            case JsonObject o:
                ValidateObject(o, schema, at, path, mode, problems);
                break;
            case JsonArray a when schema["items"] is JsonObject items:
                for (var i = 0; i < a.Count; i++)
                {
                    Validate(a[i], items, at.Append(i.ToString(CultureInfo.InvariantCulture)), $"{path}[{i}]", mode, problems);
                }
                break;
        }
    }

    private static void ValidateObject(JsonObject value, JsonObject schema, JsonPointer at, string path, Mode mode, List<SchemaProblem> problems)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        var keepsUnknown = IsTrue(schema["x-kubernetes-preserve-unknown-fields"]) || additional is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        foreach (var (key, child) in value)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (properties is not null && properties[key] is JsonObject declared)
            {
                Validate(child, declared, at.Append(key), childPath, mode, problems);
            }
            else if (additional is JsonObject each)
            {
                Validate(child, each, at.Append(key), childPath, mode, problems);
            }
            else if (!keepsUnknown && mode == Mode.Strict)
            {
                var nearest = properties is null ? null : Suggestions.Nearest(key, properties.Select(p => p.Key));
                problems.Add(new SchemaProblem(SchemaProblemKind.UnknownField, at.Append(key), $"unknown field {Show(childPath)}", nearest));
            }
        }
    }

    /// <summary>Null when <paramref name="value"/> has a type the schema allows, else what it must be.</summary>
    public static string? TypeMismatch(JsonNode value, JsonObject schema)
    {
        var kind = value.GetValueKind();
        if (IsTrue(schema["x-kubernetes-int-or-string"]))
        {
            return kind == JsonValueKind.String || IsInteger(value) ? null : "an integer or a string";
        }
        if (schema["type"] is JsonValue typeValue && typeValue.GetValueKind() == JsonValueKind.String)
        {
            var type = typeValue.GetValue<string>();
            var fits = type switch
            {
                "object" => kind == JsonValueKind.Object,
                "array" => kind == JsonValueKind.Array,
                "string" => kind == JsonValueKind.String,
                "integer" => IsInteger(value),
                "number" => kind == JsonValueKind.Number,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                _ => true,
            };
            if (!fits)
            {
                return Expected(type);
            }
            if (type == "integer" && schema["format"]?.GetValueKind() == JsonValueKind.String && OutOfRange(value, schema["format"]!.GetValue<string>()) is { } range)
            {
                return range;
            }
        }
        return Alternatives(value, schema, "anyOf", n => n > 0) ?? Alternatives(value, schema, "oneOf", n => n == 1);
    }

    /// <summary>anyOf/oneOf, as far as structural schemas use them: alternative types (int-or-string).</summary>
    private static string? Alternatives(JsonNode value, JsonObject schema, string keyword, Func<int, bool> enough)
    {
        if (schema[keyword] is not JsonArray branches || branches.Count == 0)
        {
            return null;
        }
        var fitting = branches.OfType<JsonObject>().Count(b => TypeMismatch(value, b) is null && (b["enum"] is not JsonArray e || e.Any(v => JsonNode.DeepEquals(v, value))));
        return enough(fitting) ? null : string.Join(" or ", branches.OfType<JsonObject>().Select(b => b["type"]?.GetValue<string>() is { } t ? Expected(t) : "another shape").Distinct());
    }

    private static string? OutOfRange(JsonNode value, string format)
    {
        var number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return format switch
        {
            "int32" when number is < int.MinValue or > int.MaxValue => "a 32-bit integer",
            "int64" when number is < long.MinValue or >= 9.2233720368547758E18 => "a 64-bit integer",
            _ => null,
        };
    }

    private static SchemaProblem NotInEnum(JsonNode value, JsonArray values, JsonPointer at, string path)
    {
        var listed = values.Select(v => v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v?.ToJsonString() ?? "null").ToList();
        var isText = value.GetValueKind() == JsonValueKind.String;
        var nearest = isText ? Suggestions.Nearest(value.GetValue<string>(), listed) : null;
        var shown = isText ? $"'{value.GetValue<string>()}'" : value.ToJsonString();
        var suggestion = nearest is null ? "" : $"did you mean '{nearest}'? ";
        return new SchemaProblem(SchemaProblemKind.NotInEnum, at, $"{Show(path)} {shown} is not a known value; {suggestion}(one of {string.Join(", ", listed)})", nearest);
    }

    private static string Expected(string type) => type switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean",
        _ => type,
    };

    /// <summary>What the value is, in the words of the messages ("the string \"2\"", "a mapping").</summary>
    public static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{Shorten(value.GetValue<string>())}\"",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        _ => value.ToJsonString(),
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..37] + "..." : s;

    private static string Show(string path) => path.Length == 0 ? "the resource" : path;

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static bool IsInteger(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && (value.AsValue().TryGetValue<long>(out _)
            || double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && !double.IsInfinity(d));
}
