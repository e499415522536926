using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Json;

/// <summary>JSON value equality as RFC 6902 'test' defines it: member order ignored, numbers compared by value.</summary>
public static class JsonEquality
{
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (JsonObject x, JsonObject y):
                if (x.Count != y.Count)
                {
                    return false;
                }
                foreach (var (key, value) in x)
                {
                    if (!y.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return false;
                }
                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonValue x, JsonValue y):
                return ValuesEqual(x, y);
            default:
                return false;
        }
    }

    private static bool ValuesEqual(JsonValue x, JsonValue y)
    {
        var kind = x.GetValueKind();
        if (kind != y.GetValueKind())
        {
            return false;
        }
        return kind switch
        {
            JsonValueKind.String => x.GetValue<string>() == y.GetValue<string>(),
            // Integers as read from YAML compare directly; other forms by their decimal value.
            JsonValueKind.Number => x.TryGetValue<long>(out var lx) && y.TryGetValue<long>(out var ly) ? lx == ly : NumbersEqual(x.ToJsonString(), y.ToJsonString()),
            _ => true, // true, false and null carry no further data
        };
    }

    private static bool NumbersEqual(string a, string b)
    {
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(a, style, CultureInfo.InvariantCulture, out var da) &&
            decimal.TryParse(b, style, CultureInfo.InvariantCulture, out var db))
        {
            return da == db;
        }
        return double.TryParse(a, style, CultureInfo.InvariantCulture, out var fa) &&
               double.TryParse(b, style, CultureInfo.InvariantCulture, out var fb) &&
               fa.Equals(fb);
    }
}
