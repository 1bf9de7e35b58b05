using System.Runtime.CompilerServices;

namespace Scrm.Tests;

/// <summary>
/// Component tests wait synchronously on pool threads (bUnit's WaitFor*), and the browser journeys' app server runs in
/// this same process: on a 2-core machine the pool grows too slowly for both, so a circuit or a renderer waits for a
/// thread longer than any test's timeout. Starting with more threads removes that starvation; it changes no behaviour.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinimumThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
