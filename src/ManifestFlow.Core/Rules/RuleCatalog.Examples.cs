namespace ManifestFlow.Core.Rules;

public static partial class RuleCatalog
{
    /// <summary>A valid application deployment; examples vary one thing of it.</summary>
    private static string Deployment(string job = "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgradeMode: savepoint}",
        string config = "execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: s3://flink-state/orders/savepoints",
        string extra = "", string jobManager = "{resource: {memory: 2048m, cpu: 1}}", string name = "orders") => $$"""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: {{name}}, namespace: streaming}
        spec:
          image: flink:1.20
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            {{config}}
          jobManager: {{jobManager}}
          taskManager: {resource: {memory: 2048m, cpu: 1} }
          job: {{job}}{{extra}}
        """;

    /// <summary>A deployment keeping its state on a volume of the main container.</summary>
    private static string OnVolume(string volume, string dir = "file:///opt/flink/volume/savepoints", string extraVolumes = "") => Deployment(
        config: $"execution.checkpointing.dir: s3://flink-state/orders/checkpoints\n    execution.checkpointing.savepoint-dir: {dir}",
        extra: $$"""

          podTemplate:
            spec:
              containers:
                - name: flink-main-container
                  volumeMounts: [{mountPath: /opt/flink/volume, name: state}]
              volumes:
                - name: state
                  {{volume}}{{extraVolumes}}
        """);

    /// <summary>Gives <paramref name="deployment"/> a TaskManager pod template whose only volume merges into the base template's first volume.</summary>
    private static string WithRoleVolume(string deployment, string volume) => deployment.Replace(
        "  taskManager: {resource: {memory: 2048m, cpu: 1} }",
        $"  taskManager:\n    resource: {{memory: 2048m, cpu: 1}}\n    podTemplate:\n      spec:\n        volumes:\n          - name: state\n            {volume}",
        StringComparison.Ordinal);

    private static string Snapshot(string spec) => $$"""
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkStateSnapshot
        metadata: {name: orders-backup, namespace: streaming}
        spec:
          {{spec}}
        """;

    private static string Cluster(string job, string status = "") => $$"""
        apiVersion: flinkoperator.k8s.io/v1beta1
        kind: FlinkCluster
        metadata: {name: wordcount, namespace: streaming}
        spec:
          flinkVersion: "1.14"
          image: {name: flink:1.14}
          jobManager: {resources: {limits: {memory: 1Gi} } }
          taskManager: {replicas: 2}
          job:
            jarFile: ./examples/streaming/WordCount.jar
            parallelism: 2
            restartPolicy: Never
            {{job}}{{status}}
        """;
}
