namespace ManifestFlow.Core.Planning;

/// <summary>The options of backup, restore and suspend, as the command line or a config resource gives them.</summary>
public sealed record OperationRequest(string Operation, string Target, string? Namespace)
{
    public string? Method { get; init; }

    public string? Snapshot { get; init; }

    public string? SnapshotName { get; init; }

    public string? SavepointPath { get; init; }

    public long? Nonce { get; init; }

    public bool AllowNonRestoredState { get; init; }

    public bool Recreate { get; init; }

    public bool RestartFromSavepoint { get; init; }

    public IReadOnlyList<string> PaimonTables { get; init; } = [];

    /// <summary>The time snapshot names are made from: SOURCE_DATE_EPOCH when set, so runs can be reproduced.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;
}
