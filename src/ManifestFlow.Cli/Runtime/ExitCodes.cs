namespace ManifestFlow.Cli.Runtime;

/// <summary>The documented exit codes (README, PRODUCT.md command-line contract).</summary>
internal static class ExitCodes
{
    /// <summary>Success; warnings allowed.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above --fail-on, or a change that cannot be made.</summary>
    public const int Failed = 1;

    /// <summary>Usage error or unreadable input.</summary>
    public const int UsageOrInput = 2;

    /// <summary>A bug (EX_SOFTWARE from sysexits.h): distinct from 1 so CI can tell a crash from findings.</summary>
    public const int InternalError = 70;
}
