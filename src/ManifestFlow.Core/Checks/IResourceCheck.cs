using ManifestFlow.Core.Flink;

namespace ManifestFlow.Core.Checks;

/// <summary>One group of rules, applied to each resource it understands.</summary>
public interface IResourceCheck
{
    void Check(FlinkResource r, ValidationContext context);
}
