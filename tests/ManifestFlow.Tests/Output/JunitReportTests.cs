using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Output;

/// <summary>
/// --format junit as Jenkins and GitLab read it: valid against the structure of the Jenkins xUnit plugin's
/// junit-10.xsd (its elements, required attributes, allowed children and time pattern, restated below),
/// failures exactly for the findings that fail the run, suppressed findings skipped with their reason.
/// </summary>
public sealed class JunitReportTests
{
    /// <summary>The constraints of Jenkins' junit-10.xsd that our output can meet or break, written out here.</summary>
    private const string Schema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:simpleType name="time"><xs:restriction base="xs:string"><xs:pattern value="(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?"/></xs:restriction></xs:simpleType>
          <xs:complexType name="outcome" mixed="true">
            <xs:attribute name="type" type="xs:string"/>
            <xs:attribute name="message" type="xs:string"/>
          </xs:complexType>
          <xs:element name="failure" type="outcome"/>
          <xs:element name="error" type="outcome"/>
          <xs:element name="skipped" type="outcome"/>
          <xs:element name="system-out" type="xs:string"/>
          <xs:element name="system-err" type="xs:string"/>
          <xs:element name="testcase">
            <xs:complexType>
              <xs:choice minOccurs="0" maxOccurs="unbounded">
                <xs:element ref="skipped"/><xs:element ref="error"/><xs:element ref="failure"/>
                <xs:element ref="system-out"/><xs:element ref="system-err"/>
              </xs:choice>
              <xs:attribute name="name" type="xs:string" use="required"/>
              <xs:attribute name="time" type="xs:string"/>
              <xs:attribute name="classname" type="xs:string"/>
              <xs:attribute name="group" type="xs:string"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="testsuite">
            <xs:complexType>
              <xs:choice minOccurs="0" maxOccurs="unbounded">
                <xs:element ref="testsuite"/><xs:element ref="testcase"/>
                <xs:element ref="system-out"/><xs:element ref="system-err"/>
              </xs:choice>
              <xs:attribute name="name" type="xs:string" use="required"/>
              <xs:attribute name="tests" type="xs:string" use="required"/>
              <xs:attribute name="failures" type="xs:string" use="required"/>
              <xs:attribute name="errors" type="xs:string" use="required"/>
              <xs:attribute name="time" type="time"/>
              <xs:attribute name="skipped" type="xs:string"/>
              <xs:attribute name="timestamp" type="xs:string"/>
              <xs:attribute name="hostname" type="xs:string"/>
              <xs:attribute name="id" type="xs:string"/>
              <xs:attribute name="package" type="xs:string"/>
              <xs:attribute name="file" type="xs:string"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="testsuites">
            <xs:complexType>
              <xs:sequence><xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              <xs:attribute name="name" type="xs:string"/>
              <xs:attribute name="time" type="time"/>
              <xs:attribute name="tests" type="xs:string"/>
              <xs:attribute name="failures" type="xs:string"/>
              <xs:attribute name="errors" type="xs:string"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    private const string Manifests = """
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata:
          name: orders
          annotations:
            manifestflow.io/ignore: "MF1003: nested on purpose"
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://state/orders
            execution.checkpointing.savepoint-dir: s3://state/orders/savepoints
            high-availability.type: kubernetes
            high-availability.storageDir: s3://state/orders
          job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1}
        ---
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: clean}
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://state/clean/cp
            execution.checkpointing.savepoint-dir: s3://state/clean/sp
          job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1}
        ---
        apiVersion: flink.apache.org/v1beta1
        kind: FlinkDeployment
        metadata: {name: warned}
        spec:
          flinkVersion: v1_20
          serviceAccount: flink
          flinkConfiguration:
            execution.checkpointing.dir: s3://state/warned/cp
            execution.checkpointing.savepoint-dir: s3://state/warned/sp
          job: {jarURI: "local:///x.jar", upgradeMode: savepoint, parallelism: 1, allowNonRestoredState: true}

        """;

    private static XDocument Junit(params string[] args)
    {
        var dir = TestTemp.Directory("mf-junit");
        File.WriteAllText(Path.Combine(dir, "jobs.yaml"), Manifests);
        var outcome = CliRunner.Run(["validate", "--format", "junit", .. args, "jobs.yaml"], workingDirectory: dir);
        Assert.True(outcome.ExitCode is 0 or 1, outcome.StandardError);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", outcome.Stdout);
        var schemas = new XmlSchemaSet();
        schemas.Add("", XmlReader.Create(new StringReader(Schema)));
        var document = XDocument.Parse(outcome.Stdout);
        var problems = new List<string>();
        document.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + outcome.Stdout);
        return document;
    }

    [Fact]
    public void Report_IsValidJenkinsJunit_WithFailuresOnlyForFindingsThatFailTheRun()
    {
        var document = Junit();
        var suite = Assert.Single(document.Root!.Elements("testsuite"));
        Assert.Equal("jobs.yaml", suite.Attribute("name")!.Value);
        var cases = suite.Elements("testcase").ToList();
        var failures = cases.Where(c => c.Element("failure") is not null).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains(": error ", f.Element("failure")!.Value));
        // A warning does not fail the run, so it is a passing case that carries its message.
        Assert.Contains(cases, c => c.Element("system-out")?.Value.Contains(": warning MF4005", StringComparison.Ordinal) == true);
        Assert.Equal(failures.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("failures")!.Value);
        Assert.Equal(cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Root.Attribute("tests")!.Value);
        // The clean resource is a passing case, so the report counts what was checked.
        Assert.Contains(cases, c => c.Attribute("name")!.Value.EndsWith("no findings", StringComparison.Ordinal) && !c.HasElements);
    }

    [Fact]
    public void SuppressedFindings_AreSkippedCases_WithTheirReason()
    {
        var suite = Junit().Root!.Element("testsuite")!;
        var skipped = suite.Elements("testcase").Select(c => c.Element("skipped")).OfType<XElement>().ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, s => Assert.Contains("nested on purpose", s.Attribute("message")!.Value));
        Assert.Equal(skipped.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("skipped")!.Value);
    }

    [Fact]
    public void FailOnWarning_MakesWarningsFailures()
    {
        var suite = Junit("--fail-on", "warning").Root!.Element("testsuite")!;
        Assert.Contains(suite.Elements("testcase"), c => c.Element("failure")?.Value.Contains(": warning ", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(suite.Elements("testcase"), c => c.Element("system-out") is not null);
    }
}
