namespace ManifestFlow.Cli.Hosts;

/// <summary>
/// Where kustomize looks for exec plugins (api/konfig/plugins.go, DefaultAbsPluginHome): the first of
/// $KUSTOMIZE_PLUGIN_HOME, $XDG_CONFIG_HOME/kustomize/plugin, ~/.config/kustomize/plugin and
/// ~/kustomize/plugin that exists. Installing into the first existing one keeps a user's other plugins
/// found; when none exists, the XDG location is created (kustomize then finds it first).
/// </summary>
internal static class KustomizePluginHome
{
    public const string EnvironmentVariable = "KUSTOMIZE_PLUGIN_HOME";

    public static string Default()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } home)
        {
            return home;
        }
        var user = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new List<string>();
        // kustomize joins an unset XDG_CONFIG_HOME into a relative "kustomize/plugin"; a path that depends on
        // the directory kubectl runs in is not one to install into, so only a set XDG_CONFIG_HOME counts.
        if (Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg)
        {
            candidates.Add(Path.Combine(xdg, "kustomize", "plugin"));
        }
        candidates.Add(Path.Combine(user, ".config", "kustomize", "plugin"));
        candidates.Add(Path.Combine(user, "kustomize", "plugin"));
        return candidates.FirstOrDefault(Directory.Exists) ?? candidates[0];
    }
}
