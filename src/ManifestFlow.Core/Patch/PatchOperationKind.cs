namespace ManifestFlow.Core.Patch;

public enum PatchOperationKind
{
    Add,
    Remove,
    Replace,
    Move,
    Copy,
    Test,
}
