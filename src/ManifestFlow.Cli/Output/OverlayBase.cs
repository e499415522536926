using System.Text.Json.Nodes;
using ManifestFlow.Core.Json;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Cli.Output;

/// <summary>
/// What a Kustomize overlay's <c>resources:</c> entry names for the target's file, the way kustomize
/// users lay overlays out: the file itself when it lies inside the overlay's directory, else the base
/// directory beside it whose kustomization lists it. Kustomize loads no file from outside an overlay's
/// directory, and a patch whose target a base renamed matches nothing without an error, so anything
/// else is refused with what to do instead, never guessed.
/// </summary>
internal static class OverlayBase
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>Keys of a base kustomization that leave the names, namespaces and fields our patch targets as the file has them.</summary>
    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata", "resources" };

    public sealed record Resolution(string? Entry, string? Problem);

    /// <param name="file">The target's file, absolute.</param>
    /// <param name="overlay">The overlay directory, absolute.</param>
    public static Resolution Resolve(string file, string overlay)
    {
        var fromOverlay = Path.GetRelativePath(overlay, file);
        if (IsBelow(fromOverlay))
        {
            return new Resolution(Slashes(fromOverlay), null);
        }
        var directory = Path.GetDirectoryName(file)!;
        var name = Path.GetFileName(file);
        var kustomization = KustomizationNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
        if (kustomization is null)
        {
            return new Resolution(null,
                $"{name} is not part of a kustomize base and lies outside --out, and kustomize loads no file from outside an overlay's directory; " +
                $"add a kustomization.yaml beside it listing it (resources: [{name}]) and write the overlay in a directory of its own, or choose an --out that contains the file");
        }
        var shown = Path.GetFileName(kustomization);
        var inside = Path.GetRelativePath(directory, overlay);
        if (IsBelow(inside) || inside == ".")
        {
            return new Resolution(null, $"--out is inside the base {directory} that lists {name}; kustomize refuses an overlay inside its own base; choose a directory beside the base, for example {Path.Combine(Path.GetDirectoryName(directory) ?? directory, "restore")}");
        }
        var read = YamlStreamReader.Read(new SourceFile(kustomization, File.ReadAllText(kustomization)));
        if (!read.Succeeded || read.Documents.FirstOrDefault(d => !d.IsEmpty)?.Value is not JsonObject root)
        {
            return new Resolution(null, $"{shown} beside {name} cannot be read as a kustomization; fix it or use --emit manifest");
        }
        var listed = root["resources"] is JsonArray resources && resources.Any(r => r.AsText() is { } entry && Path.GetFullPath(entry, directory) == file);
        if (!listed)
        {
            return new Resolution(null, $"{shown} beside {name} does not list it under resources, so an overlay over that base would patch nothing; add it there, or use --emit manifest");
        }
        var transforming = root.Select(p => p.Key).Where(k => !Harmless.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (transforming.Count > 0)
        {
            return new Resolution(null,
                $"{shown} beside {name} also sets {string.Join(", ", transforming)}, which can rename or rewrite the resource the overlay's patch targets (a patch that matches nothing is silently skipped); use --emit patch or --emit manifest for this base");
        }
        return new Resolution(Slashes(Path.GetRelativePath(overlay, directory)), null);
    }

    /// <summary>A relative path that stays at or below its start ("..x.yaml" is a name, not a step up).</summary>
    private static bool IsBelow(string relative) =>
        !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Slashes(string path) => path.Replace(Path.DirectorySeparatorChar, '/');
}
