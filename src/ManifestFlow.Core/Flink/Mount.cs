using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;

namespace ManifestFlow.Core.Flink;

/// <summary>
/// A volume mount of the main Flink container and the volume behind it (null when undeclared), as the
/// pods get them after the operator's pod template merge. A merge by position can build one volume from
/// two templates, so each of its keys keeps the pointer of the line that set it.
/// </summary>
public sealed record Mount(string Role, string MountPath, string VolumeName, JsonPointer Pointer, JsonObject? Volume, JsonPointer? VolumePointer)
{
    /// <summary>Each key of <see cref="Volume"/> (its name and its sources) and where it was written.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonPointer>> VolumeKeys { get; init; } = [];

    /// <summary>The mount's <c>subPath</c>: the directory of the volume that appears at <see cref="MountPath"/> (null: the volume's root).</summary>
    public string? SubPath { get; init; }

    /// <summary>Where <c>persistentVolumeClaim.claimName</c> was written, when the volume has one.</summary>
    public JsonPointer? ClaimNamePointer { get; init; }
}
