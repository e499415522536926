using System.Text;
using ManifestFlow.Core.Output;
using ManifestFlow.Tests.Support;

namespace ManifestFlow.Tests.Validation;

public sealed class RulesDocumentTests
{
    [Fact]
    public void DocsRules_IsRenderedFromTheCatalog()
    {
        var path = Path.Combine(SharedCorpus.RepositoryRoot, "docs", "rules.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Golden.AssertBytes(path, Encoding.UTF8.GetBytes(RulesDocument.Render()));
    }
}
