using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>MF0202/MF0203: wrong types and unknown enumeration values, one finding each.</summary>
public sealed class ShapeCheck : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        foreach (var field in FieldSchema.For(r.Kind))
        {
            if (r.At(field.Pointer) is not { } value || !ParentsFit(r, field))
            {
                continue;
            }
            var mismatch = FieldSchema.Mismatch(field, value);
            if (mismatch is null)
            {
                continue;
            }
            var rule = field.Type == FieldSchema.FieldType.Enum && value.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? RuleCatalog.UnknownValue
                : RuleCatalog.WrongType;
            context.Report(rule, r, field.Pointer, $"{field.Pointer.ToString()[1..].Replace('/', '.')} {mismatch}");
        }
    }

    /// <summary>A field under a parent of the wrong type is not reported again: the parent's finding says it all.</summary>
    private static bool ParentsFit(FlinkResource resource, FieldSchema.Field field)
    {
        for (var parent = field.Pointer.Parent; !parent.IsRoot; parent = parent.Parent)
        {
            if (resource.At(parent) is not System.Text.Json.Nodes.JsonObject)
            {
                return false;
            }
        }
        return true;
    }
}
