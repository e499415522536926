using System.Text.Json.Nodes;

namespace ManifestFlow.Core.Planning;

/// <summary>A resource the plan creates (a FlinkStateSnapshot), with its YAML text and the file name to write it to.</summary>
public sealed record NewResource(string FileName, string Yaml, JsonObject Value, string Why);
