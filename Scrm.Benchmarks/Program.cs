using BenchmarkDotNet.Running;
using Scrm.Benchmarks;
using Scrm.Benchmarks.Live;

// dotnet run -c Release --project Scrm.Benchmarks -- --filter '*'     (the benchmarks)
// dotnet run -c Release --project Scrm.Benchmarks -- --explain        (SQL and query plans, no timing)
// dotnet run -c Release --project Scrm.Benchmarks -- settlement     (settlement posting: p95 of one, throughput of batches)
// dotnet run -c Release --project Scrm.Benchmarks -- settlement-rollups   (one completion with and without the rollup handlers)
// dotnet run -c Release --project Scrm.Benchmarks -- boards-live      (the board in 20 Chromium pages; --tickets 5000)
// dotnet run -c Release --project Scrm.Benchmarks -- dashboards-live  (settlement -> revenue dashboard in 20 Chromium pages; --pages 20 --changes 30)
// dotnet run -c Release --project Scrm.Benchmarks -- dashboards --db /tmp/gen/history.db   (rollups vs GROUP BY on a generated history)
if (args.Contains("--explain"))
{
    await QueryPlans.PrintAsync();
    return;
}

if (args.FirstOrDefault() == "settlement")
{
    await Scrm.Benchmarks.Settlements.SettlementRun.RunAsync(args);
    return;
}

if (args.FirstOrDefault() == "settlement-rollups")
{
    await Scrm.Benchmarks.Settlements.RollupOverheadRun.RunAsync(args);
    return;
}

if (args.FirstOrDefault() == "dashboards")
{
    await Scrm.Benchmarks.Dashboards.DashboardRun.RunAsync(args);
    return;
}

if (args.FirstOrDefault() == "boards-live")
{
    await BoardsLive.RunAsync(BoardsLive.Options.Parse(args));
    return;
}

if (args.FirstOrDefault() == "dashboards-live")
{
    await DashboardsLive.RunAsync(DashboardsLive.Options.Parse(args));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TicketListBenchmarks).Assembly).Run(args);
