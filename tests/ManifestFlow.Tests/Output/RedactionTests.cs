using ManifestFlow.Core.Diagnostics;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Output;

/// <summary>Issue 13: secrets are redacted by key and by value shape in every human-facing output.</summary>
public sealed class RedactionTests
{
    private static readonly string[] Leaks =
    [
        "AKIAIOSFODNN7EXAMPLE-secret-value",
        "eyJhbGciOiJIUzI1NiJ9.bearer-token",
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-private",
        "apikey-value-123",
        "hunter2-from-args",
        "uri-password-42",
    ];

    private static string Job(string marker) => $$"""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: orders}
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://b/cp
            execution.checkpointing.savepoint-dir: s3://b/sp
            fs.gs.auth.service.account.private.key: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-private{{marker}}"
            metrics.reporter.datadog.apikey: "apikey-value-123{{marker}}"
            state.backend.remote: "s3://admin:uri-password-42{{marker}}@host/bucket"
          podTemplate:
            spec:
              containers:
                - name: flink-main-container
                  env:
                    - name: AWS_SECRET_ACCESS_KEY
                      value: "AKIAIOSFODNN7EXAMPLE-secret-value{{marker}}"
                    - name: HEADERS
                      value: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.bearer-token{{marker}}"
          job:
            jarURI: "local:///x.jar"
            upgradeMode: savepoint
            parallelism: 1
            args: ["--password", "hunter2-from-args{{marker}}", "--verbose"]

        """;

    [Theory]
    [InlineData("markdown")]
    [InlineData("text")]
    [InlineData("json")]
    public void Review_RedactsSecretValuesByKeyAndByShape(string format)
    {
        var dir = TestTemp.Directory("mf-redact-review");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "head"));
        File.WriteAllText(Path.Combine(dir, "base", "job.yaml"), Job(""));
        File.WriteAllText(Path.Combine(dir, "head", "job.yaml"), Job("-changed"));

        var outcome = CliRunner.Run(["review", "--base", "base", "--head", "head", "--fail-on", "none", "--format", format], workingDirectory: dir);

        Assert.Equal(0, outcome.ExitCode);
        foreach (var leak in Leaks)
        {
            Assert.DoesNotContain(leak, outcome.Stdout);
        }
        Assert.Contains("redacted", outcome.Stdout);
        Assert.Contains("admin", outcome.Stdout);          // the user of a URI stays, its password goes
        Assert.Contains("/env/1/value", outcome.Stdout);   // the changed header is still shown as changed
        Assert.Contains("/env/0/value", outcome.Stdout);   // and so is the changed secret, without its value
    }

    [Theory]
    [InlineData("text")]
    [InlineData("github")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Validate_RedactsCredentialsInsideDirectoryUris(string format)
    {
        var dir = TestTemp.Directory("mf-redact-validate");
        File.WriteAllText(Path.Combine(dir, "job.yaml"), """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: orders}
            spec:
              flinkVersion: v1_20
              serviceAccount: flink
              flinkConfiguration:
                execution.checkpointing.dir: "file://admin:uri-password-42@host/cp"
              job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1}

            """);

        var outcome = CliRunner.Run(["validate", "--format", format, "job.yaml"], workingDirectory: dir);

        var output = outcome.Stdout + outcome.StandardError;
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("file://admin:[redacted]@host/cp", output);
        Assert.DoesNotContain("uri-password-42", output);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Plan_RedactsCredentialsInsideUris(string planFormat)
    {
        var dir = TestTemp.Directory("mf-redact-plan");
        File.WriteAllText(Path.Combine(dir, "m.yaml"), """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: orders}
            spec:
              flinkVersion: v1_20
              serviceAccount: flink
              flinkConfiguration:
                execution.checkpointing.dir: s3://b/cp
                execution.checkpointing.savepoint-dir: "s3://admin:uri-password-42@b/sp"
              job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1}

            """);

        var outcome = CliRunner.Run(["restore", "--deployment", "orders", "--savepoint-path", "s3://admin:uri-password-42@b/sp/savepoint-1", "--plan", planFormat, "m.yaml"], workingDirectory: dir);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("s3://admin:[redacted]@b/sp/savepoint-1", outcome.StandardError);
        Assert.DoesNotContain("uri-password-42", outcome.StandardError);
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.def.ghi", "Authorization: [redacted]")]
    [InlineData("run --password hunter2 --x", "run --password [redacted] --x")]
    [InlineData("gs://user:pw@bucket/sp", "gs://user:[redacted]@bucket/sp")]
    [InlineData("s3://bucket/savepoint-caf2b2", "s3://bucket/savepoint-caf2b2")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE", "key [redacted]")]
    public void Text_RedactsByShape(string text, string expected) => Assert.Equal(expected, Redaction.Text(text));
}
