namespace ManifestFlow.Core.Operations;

/// <summary>
/// What a backup, restore or suspend is asked to do, as the command line or a config resource gives it.
/// Each operation derives its own request type with its own options.
/// </summary>
public abstract record OperationRequest(string Target, string? Namespace)
{
    /// <summary>The time generated names use; a config resource's request never depends on it.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;

    public abstract IOperation Operation { get; }
}
