using System.Text.Json.Nodes;
using ManifestFlow.Core.Pipeline;
using ManifestFlow.Core.Yaml;

namespace ManifestFlow.Tests.Pipeline;

/// <summary>
/// validate and review keep documents without their node trees and read a tree again only where a finding
/// is placed. Nothing a user sees may change: the same findings at the same lines and columns, aliases
/// resolved, and an edit through a re-read tree as exact as through the first.
/// </summary>
public sealed class DetachedTreeTests
{
    private const string Stream = """
        # two documents, a finding in the second, an anchor shared inside it
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        ---

        ---
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: orders, namespace: streaming}
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: &dir s3://bucket/orders
            execution.checkpointing.savepoint-dir: *dir
          job: {jarURI: local:///job.jar, parallelism: 1, upgradeMode: savepoint}

        """;

    private static Session.Request Request => new(new RunConfiguration(null, new HashSet<string>(), new HashSet<string>()));

    [Fact]
    public void Findings_AreTheSameWithAndWithoutKeptTrees()
    {
        var kept = Session.Validate(Workspace.Read([new SourceFile("jobs.yaml", Stream)], ReadLimits.Default), Request);
        var detached = Session.Validate(Workspace.Read([new SourceFile("jobs.yaml", Stream)], ReadLimits.Default, keepTrees: false), Request);

        Assert.NotEmpty(kept.Diagnostics);
        Assert.Equal(kept.Diagnostics, detached.Diagnostics);
        Assert.Contains(detached.Diagnostics, d => d.Line == 15 || d.Line == 16);
    }

    [Fact]
    public void DetachedDocument_ReadsTheSameTreeAgain_AndKeepsItsIdentity()
    {
        var file = new SourceFile("jobs.yaml", Stream);
        var read = YamlStreamReader.Read(file, ReadLimits.Default).Documents;
        var detached = read.Select(d => d.Detached(ReadLimits.Default)).ToList();

        Assert.Equal(read.Select(d => d.IsEmpty), detached.Select(d => d.IsEmpty));
        var deployment = detached[2];
        var keys = new Dictionary<SourceDocument, int> { [deployment] = 1 };
        Assert.Equal(read[2].Root!.Start, deployment.Root!.Start);
        Assert.Same(deployment.Root, deployment.Root); // read once, then kept
        Assert.Single(deployment.AliasesByTarget);
        Assert.True(keys.ContainsKey(deployment)); // attaching the tree does not change its hash
        Assert.Equal(read[2], deployment);
    }

    [Fact]
    public void Edit_ThroughAReadAgainTree_ChangesOnlyItsLine()
    {
        var file = new SourceFile("jobs.yaml", Stream);
        var workspace = Workspace.Read([file], ReadLimits.Default, keepTrees: false);
        var deployment = workspace.Documents[2];
        var value = deployment.Value!.DeepClone().AsObject();
        value["spec"]!["job"]!["parallelism"] = 4;

        var edit = workspace.Rewrite(new Dictionary<SourceDocument, JsonNode?> { [deployment] = value }, ReadLimits.Default);

        Assert.Empty(edit.Errors);
        Assert.Equal(Stream.Replace("parallelism: 1", "parallelism: 4", StringComparison.Ordinal), edit.Files[0].Text);
    }
}
