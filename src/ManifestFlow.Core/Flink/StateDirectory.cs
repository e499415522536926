namespace ManifestFlow.Core.Flink;

/// <summary>The three state directories a job needs, named as the backup and restore procedures name them.</summary>
public sealed record StateDirectory(string Name, ConfigEntry Entry, bool JobManagerOnly)
{
    public string Value => Entry.Value.Trim();

    /// <param name="renamedKeys">
    /// Whether the job's Flink reads the 1.20 key names (<see cref="FlinkVersions.ReadsRenamedKeys"/>);
    /// an older Flink ignores them, so the old keys alone decide where its state goes.
    /// </param>
    public static IEnumerable<StateDirectory> Of(FlinkConfiguration config, bool renamedKeys = true)
    {
        if (config.GetNonBlank(renamedKeys ? ConfigKeys.CheckpointDir : ConfigKeys.CheckpointDir[1..]) is { } checkpoint)
        {
            yield return new StateDirectory("checkpoint directory", checkpoint, JobManagerOnly: false);
        }
        if (config.GetNonBlank(renamedKeys ? ConfigKeys.SavepointDir : ConfigKeys.SavepointDir[1..]) is { } savepoint)
        {
            yield return new StateDirectory("savepoint directory", savepoint, JobManagerOnly: false);
        }
        if (config.HighAvailability && config.GetNonBlank(ConfigKeys.HaStorageDir) is { } ha)
        {
            yield return new StateDirectory("high-availability storage directory", ha, JobManagerOnly: true);
        }
    }
}
