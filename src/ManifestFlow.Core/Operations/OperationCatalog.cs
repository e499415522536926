namespace ManifestFlow.Core.Operations;

/// <summary>Every operation. Adding one means an operation file, a line here, a command definition and a fixture folder.</summary>
public static class OperationCatalog
{
    public static IReadOnlyList<IOperation> All { get; } = [BackupOperation.Instance, RestoreOperation.Instance, SuspendOperation.Instance];

    public static IOperation? ByConfigKind(string kind)
    {
        foreach (var operation in All)
        {
            if (operation.ConfigKind == kind)
            {
                return operation;
            }
        }
        return null;
    }
}
