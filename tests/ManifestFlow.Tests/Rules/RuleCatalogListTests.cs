using System.Reflection;
using ManifestFlow.Core.Rules;

namespace ManifestFlow.Tests.Rules;

/// <summary>
/// RuleCatalog.All is a hand-written list (reflection over the fields would cost the native build its
/// trimming guarantees). A rule added as a field but not to the list would vanish from SARIF metadata,
/// docs/rules.md and --disable; reflection here, in the tests, catches that.
/// </summary>
public sealed class RuleCatalogListTests
{
    [Fact]
    public void All_ListsEveryPublicStaticRuleField_Once()
    {
        var fields = typeof(RuleCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Rule))
            .Select(f => (Rule)f.GetValue(null)!)
            .Select(r => r.Id)
            .Order(StringComparer.Ordinal);
        Assert.Equal(fields, RuleCatalog.All.Select(r => r.Id));
    }

    [Fact]
    public void All_IsSortedById_AndIdsAreUnique()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
