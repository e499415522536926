using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>One flattened Flink configuration entry and where it was written (for locations).</summary>
public sealed record ConfigEntry(string Key, string Value, JsonPointer Pointer, FlinkResource Source);
