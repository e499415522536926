using ManifestFlow.Core.Concurrency;

namespace ManifestFlow.Tests.Concurrency;

public sealed class OrderedParallelTests
{
    [Fact]
    public void Results_KeepInputOrder_WhateverFinishesFirst()
    {
        var items = Enumerable.Range(0, 500).ToList();
        var results = OrderedParallel.Map(items, i =>
        {
            Thread.SpinWait((500 - i) * 50); // early items finish last
            return i * 2;
        });
        Assert.Equal(items.Select(i => i * 2), results);
    }

    [Fact]
    public void OneItem_RunsOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var results = OrderedParallel.Map([1], _ => Environment.CurrentManagedThreadId);
        Assert.Equal(caller, Assert.Single(results));
    }

    [Fact]
    public void AFailure_ReachesTheCaller_WithItsOwnException()
    {
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Map(Enumerable.Range(0, 100).ToList(), i => i == 37 ? throw new InvalidOperationException("item 37") : i));
        Assert.Equal("item 37", e.Message);
    }
}
