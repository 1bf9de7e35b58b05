using BenchmarkDotNet.Running;
using Scrm.Benchmarks;

// dotnet run -c Release --project Scrm.Benchmarks -- --filter '*'     (the benchmarks)
// dotnet run -c Release --project Scrm.Benchmarks -- --explain        (SQL and query plans, no timing)
if (args.Contains("--explain"))
{
    await QueryPlans.PrintAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TicketListBenchmarks).Assembly).Run(args);
