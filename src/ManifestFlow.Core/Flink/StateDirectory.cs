namespace ManifestFlow.Core.Flink;

/// <summary>The three state directories a job needs, named as the backup and restore procedures name them.</summary>
public sealed record StateDirectory(string Name, ConfigEntry Entry, bool JobManagerOnly)
{
    public string Value => Entry.Value.Trim();

    public static IEnumerable<StateDirectory> Of(FlinkConfiguration config)
    {
        if (config.GetNonBlank(ConfigKeys.CheckpointDir) is { } checkpoint)
        {
            yield return new StateDirectory("checkpoint directory", checkpoint, JobManagerOnly: false);
        }
        if (config.GetNonBlank(ConfigKeys.SavepointDir) is { } savepoint)
        {
            yield return new StateDirectory("savepoint directory", savepoint, JobManagerOnly: false);
        }
        if (config.HighAvailability && config.GetNonBlank(ConfigKeys.HaStorageDir) is { } ha)
        {
            yield return new StateDirectory("high-availability storage directory", ha, JobManagerOnly: true);
        }
    }
}
