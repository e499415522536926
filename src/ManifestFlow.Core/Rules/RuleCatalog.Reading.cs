using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>
/// Input that cannot be read at all. Nothing in such a file is checked, so these findings end a command
/// with exit code 2 and no --only or --disable hides them.
/// </summary>
public static partial class RuleCatalog
{
    private const string JobWithoutBrace = "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint";

    public static readonly Rule YamlSyntax = new("MF0001", "yaml-syntax", Severity.Error, Input,
        "The file is not valid YAML (an unclosed bracket or quote, a tab used for indentation, an alias to no anchor): nothing in it can be checked or edited.",
        "Fix the YAML at the reported position; the message says what the parser expected there.",
        Deployment(job: JobWithoutBrace), Deployment(job: JobWithoutBrace + "}"))
    { InputUnreadable = true };

    public static readonly Rule Encoding = new("MF0002", "encoding", Severity.Error, Input,
        "The file is not UTF-8 text, or holds a control character, such as a NUL byte or the ESC of a terminal colour code pasted with a value (shown as ␛ in the example): the API server would reject it or store something other than what the file shows.",
        "Save the file as UTF-8 and remove the character at the reported position.",
        Deployment().Replace("image: flink:1.20", "image: \u001b[32mflink:1.20\u001b[0m", StringComparison.Ordinal), Deployment())
    { InputUnreadable = true };

    public static readonly Rule DuplicateKey = new("MF0003", "duplicate-key", Severity.Error, Input,
        "A mapping has the same key twice: the API server silently keeps the last one, so the file does not say what will be applied.",
        "Remove one of the two keys.",
        Deployment(job: JobWithoutBrace + ", upgradeMode: last-state}"), Deployment())
    { InputUnreadable = true };

    public static readonly Rule LimitExceeded = new("MF0004", "limit-exceeded", Severity.Error, Input,
        "The input passes a safety limit: a file over 64 MiB, more than 10,000 documents in one file, nesting deeper than 1000 levels, or aliases that expand past a million nodes (an alias bomb). It is refused rather than read, so it cannot exhaust memory.",
        "Split or simplify the document; real manifests are far inside these limits.",
        AliasBomb, Deployment(jobManager: "{resource: &resources {memory: 2048m, cpu: 1}}").Replace("taskManager: {resource: {memory: 2048m, cpu: 1} }", "taskManager: {resource: *resources}", StringComparison.Ordinal))
    { InputUnreadable = true };

    public static readonly Rule UnrepresentableValue = new("MF0005", "unrepresentable-value", Severity.Error, Input,
        "A value has no JSON form, so the API server cannot take it: a YAML float such as `.inf` or `.nan`, a null or non-scalar mapping key, or a merge key (`<<`) that does not name mappings.",
        "Write a value JSON can hold (quote it if a string is meant), or give the key a name.",
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    restart-strategy.fixed-delay.attempts: .inf"),
        Deployment(config: "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints\n    restart-strategy.fixed-delay.attempts: \"2147483647\""))
    { InputUnreadable = true };

    public static readonly Rule UnreadableFile = new("MF0006", "unreadable-file", Severity.Error, Input,
        "An input cannot be read: a path that does not exist, a file that cannot be opened, a git revision that is not there, a symbolic link leading outside the directory being rendered, or standard input that is not what the command expects. Nothing in it was checked.",
        "Check the path (a typo in a file name is the usual cause) and the file's permissions.",
        "deploymnet.yaml", "deployment.yaml")
    {
        InputUnreadable = true,
        Example = new("validate {example}", null) { Files = [("deployment.yaml", Deployment())] },
    };

    /// <summary>Each level repeats the one before ten times: seven lines that would expand to ten million nodes.</summary>
    private const string AliasBomb = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: laughs, namespace: streaming}
        data:
          a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
          a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
          a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
          a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
          a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
          a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
          a6: [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
        """;
}
