using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>MF1005–MF1010: the storage problems of a <c>file:</c> state directory (<see cref="DirectoryStorage"/>), reported as rules.</summary>
public static class PersistentStorage
{
    /// <param name="pods">The resource whose pod templates run the containers (a session job's cluster).</param>
    public static void Check(ValidationContext context, FlinkResource pods, FlinkResource reportOn, JsonPointer pointer, string what, StorageUri uri, IReadOnlyList<string> roles)
    {
        var claims = context.MayShareNamespace(ResourceKind.PersistentVolumeClaim, pods.Namespace);
        foreach (var problem in DirectoryStorage.Problems(pods, reportOn, pointer, what, uri, roles, claims))
        {
            context.Report(RuleOf(problem.Kind), problem.On, problem.Pointer, problem.Message);
        }
    }

    public static Rule RuleOf(StorageProblemKind kind) => kind switch
    {
        StorageProblemKind.NotMounted => RuleCatalog.DirectoryNotOnVolume,
        StorageProblemKind.VolumeNotDeclared => RuleCatalog.VolumeNotDeclared,
        StorageProblemKind.SeveralSources => RuleCatalog.VolumeSources,
        StorageProblemKind.PodLifetime => RuleCatalog.DirectoryEphemeral,
        StorageProblemKind.HostPath => RuleCatalog.DirectoryHostPath,
        StorageProblemKind.ClaimMissing => RuleCatalog.ClaimNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no rule for this storage problem"),
    };
}
