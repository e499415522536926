using ManifestFlow.Core.Flink;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Core.Checks;

/// <summary>
/// IBM Event Processing's rule: checkpoints, savepoints and HA metadata each in a different directory on persistent
/// storage. MF1001 (HA storage missing), MF1002/MF1003 (equal, nested), MF1004 (URI), and the storage
/// rules via <see cref="PersistentStorage"/>.
/// </summary>
public sealed class DirectoryCheck : IResourceCheck
{
    public void Check(FlinkResource r, ValidationContext context)
    {
        if (r.Kind is not (ResourceKind.FlinkDeployment or ResourceKind.FlinkSessionJob))
        {
            return;
        }
        var config = context.ConfigOf(r);
        bool Own(ConfigEntry e) => ReferenceEquals(e.Source, r);

        if (config.HighAvailability && config.GetNonBlank(ConfigKeys.HaStorageDir) is null && config.Get(ConfigKeys.HaType) is { } haType && Own(haType))
        {
            context.Report(RuleCatalog.HaStorageMissing, r, FlinkResource.SpecPointer.Append("flinkConfiguration").Append("high-availability.storageDir"),
                $"high availability is on ({haType.Key}: {haType.Value}) but high-availability.storageDir is not set; set it to a directory on persistent storage, distinct from the checkpoint and savepoint directories");
        }

        // The directories the job's Flink really uses: before 1.20 it ignores the renamed keys (MF1013 says so).
        var directories = StateDirectory.Of(config, FlinkVersions.ReadsRenamedKeys(r.Kind == ResourceKind.FlinkSessionJob ? context.SessionCluster(r) : r)).ToList();
        for (var i = 0; i < directories.Count; i++)
        {
            var a = directories[i];
            var uriA = StorageUri.Parse(a.Value);
            if (Own(a.Entry))
            {
                CheckUri(context, r, a, uriA);
                var pods = r.Kind == ResourceKind.FlinkSessionJob ? context.SessionCluster(r) : r;
                if (pods is not null && uriA.IsLocal)
                {
                    PersistentStorage.Check(context, pods, r, a.Entry.Pointer, $"the {a.Name} {a.Value}", uriA, a.JobManagerOnly ? ["jobManager"] : PodTemplates.Roles);
                }
            }
            for (var j = i + 1; j < directories.Count; j++)
            {
                var b = directories[j];
                if (!Own(a.Entry) && !Own(b.Entry))
                {
                    continue;
                }
                var uriB = StorageUri.Parse(b.Value);
                var at = Own(b.Entry) ? b.Entry.Pointer : a.Entry.Pointer;
                if (uriA.IsSamePlace(uriB))
                {
                    context.Report(RuleCatalog.DirectoriesEqual, r, at,
                        $"the {b.Name} ({b.Entry.Key}) and the {a.Name} ({a.Entry.Key}) are the same directory {Same(uriA, uriB)}; give each its own directory");
                }
                else if (uriA.IsWithin(uriB) || uriB.IsWithin(uriA))
                {
                    var (inner, outer) = uriA.IsWithin(uriB) ? (a, b) : (b, a);
                    context.Report(RuleCatalog.DirectoriesNested, r, at,
                        $"the {inner.Name} {inner.Value} lies inside the {outer.Name} {outer.Value}; use sibling directories so cleanup of one cannot remove the other");
                }
            }
        }
    }

    /// <summary>The directory once, or both spellings when the schemes differ (s3:// and s3a:// reach one store).</summary>
    private static string Same(StorageUri a, StorageUri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) ? a.Text : $"{a.Text} (also written {b.Text}: {a.Scheme}, {b.Scheme} reach the same bucket and key)";

    internal static void CheckUri(ValidationContext context, FlinkResource resource, StateDirectory directory, StorageUri uri) =>
        CheckUri(context, resource, directory.Entry.Pointer, $"the {directory.Name} ({directory.Entry.Key})", uri);

    internal static void CheckUri(ValidationContext context, FlinkResource resource, JsonPointer pointer, string what, StorageUri uri)
    {
        if (uri.Scheme is null)
        {
            context.Report(RuleCatalog.DirectoryUri, resource, pointer,
                $"{what} '{uri.Text}' has no scheme, so Flink resolves it against the default file system (usually the container's disk); write file:///... on a persistent volume, or an object store URI such as s3://");
        }
        else if (!uri.IsKnownScheme)
        {
            context.Report(RuleCatalog.DirectoryUri, resource, pointer,
                $"{what} '{uri.Text}' uses the unknown scheme '{uri.Scheme}:'; use file: on a persistent volume or an object store ({string.Join(", ", StorageUri.PersistentSchemes.Order(StringComparer.Ordinal))})");
        }
    }
}
