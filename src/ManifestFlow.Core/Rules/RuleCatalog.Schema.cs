using ManifestFlow.Core.Diagnostics;

namespace ManifestFlow.Core.Rules;

/// <summary>What the API server checks against the operators' own CRDs (embedded; `--crd DIR` adds or overrides).</summary>
public static partial class RuleCatalog
{
    public static readonly Rule UnknownField = new("MF0206", "unknown-field", Severity.Error, Input,
        "A field is not in the operator's CRD (for example `upgardeMode` for `upgradeMode`). Under strict field validation (kubectl's default, `--validate=strict`) the API server rejects the resource; where validation is off or the client ignores it, the server prunes the field silently, so the setting never takes effect (a misspelt `upgradeMode` leaves the job on `stateless`, which discards state on every upgrade). Checked against the CRDs of the newest operator releases (Flink Kubernetes Operator 1.15.0 for FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot and FlinkBlueGreenDeployment; the GoogleCloudPlatform operator's final FlinkCluster), and against ObjectMeta for `metadata`; `status` is not checked for unknown fields.",
        "Fix the spelling (the message suggests the nearest declared field) or remove the field; if your operator is newer, pass its CRDs with `--crd DIR`.",
        Deployment(job: "{jarURI: local:///opt/flink/usrlib/orders.jar, parallelism: 2, upgardeMode: savepoint}"), Deployment());

    public static readonly Rule UnservedVersion = new("MF0207", "unserved-api-version", Severity.Error, Input,
        "The resource's apiVersion names a version its CRD does not serve (for example `flink.apache.org/v1alpha1`); the API server answers \"no matches for kind\" and nothing is applied.",
        "Use a version the CRD serves (the message lists them); `flink.apache.org/v1beta1` for the Flink Kubernetes Operator.",
        Deployment().Replace("flink.apache.org/v1beta1", "flink.apache.org/v1alpha1", StringComparison.Ordinal), Deployment());
}
