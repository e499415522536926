using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>A volume mount of the main Flink container and the volume behind it (null when undeclared).</summary>
public sealed record Mount(string Role, string MountPath, string VolumeName, JsonPointer Pointer, JsonObject? Volume, JsonPointer? VolumePointer);
