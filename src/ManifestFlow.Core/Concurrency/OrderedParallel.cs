using System.Runtime.ExceptionServices;

namespace ManifestFlow.Core.Concurrency;

/// <summary>
/// Maps independent items on every core and returns the results in input order, so output never depends
/// on scheduling. Plain threads pulling the next index, not PLINQ or the thread pool: a pre-commit hook
/// validating one file must not pay for starting either (PLINQ alone cost ~20 ms of JIT and EventSource
/// set-up per process), and one item runs on the calling thread.
/// </summary>
public static class OrderedParallel
{
    /// <summary>The main thread's stack on Linux: deeply nested (but within limits) documents recurse as deep on a worker.</summary>
    private const int MainThreadStack = 8 * 1024 * 1024;

    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> map)
    {
        var results = new TResult[items.Count];
        var workers = Math.Min(Environment.ProcessorCount, items.Count);
        if (workers <= 1)
        {
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = map(items[i]);
            }
            return results;
        }

        var next = -1;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                int i;
                while (Volatile.Read(ref failure) is null && (i = Interlocked.Increment(ref next)) < items.Count)
                {
                    results[i] = map(items[i]);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        var threads = new Thread[workers - 1];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Work, MainThreadStack) { IsBackground = true, Name = "manifestflow-worker" };
            threads[t].Start();
        }
        Work();
        foreach (var thread in threads)
        {
            thread.Join();
        }
        failure?.Throw();
        return results;
    }
}
