using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Web.Hosting.History;

namespace Scrm.Web.Hosting;

/// <summary>
/// Maintenance commands run instead of the web server: <c>dotnet run --project Scrm.Web -- &lt;command&gt;</c>, against the
/// database appsettings.json names (migrated first). Each prints what it did and returns the process exit code.
/// </summary>
public static class AppCommands
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["rebuild-rollups"] = RebuildRollupsAsync,
        ["generate-history"] = GenerateHistoryAsync,
    };

    /// <summary>The command the arguments name, or null to run the app.</summary>
    public static Func<WebApplication, string[], Task<int>>? Find(string[] args) =>
        args.Length > 0 && Commands.TryGetValue(args[0], out var command) ? command : null;

    /// <summary>Recomputes the dashboards' rollups from the tickets and the ledger.</summary>
    private static async Task<int> RebuildRollupsAsync(WebApplication app, string[] args)
    {
        await app.Services.MigrateScrmDatabaseAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var result = await RollupRebuild.RunAsync(db, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        Console.WriteLine($"Rollups rebuilt from {result.Tickets:N0} tickets and {result.LedgerEntries:N0} ledger entries in {result.Took.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>
    /// Fills the database with a generated history for benchmarks and demos at scale:
    /// <c>generate-history --tickets 1000000 --months 18 [--seed 42] [--append]</c> (SQLite).
    /// </summary>
    private static async Task<int> GenerateHistoryAsync(WebApplication app, string[] args)
    {
        if (HistoryOptions.Parse(args, out var error) is not { } options)
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        await app.Services.MigrateScrmDatabaseAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        try
        {
            var r = await HistoryGenerator.RunAsync(db, app.Services.GetRequiredService<TimeProvider>(), options, Console.WriteLine, CancellationToken.None);
            Console.WriteLine($"Generated {r.Tickets:N0} tickets ({r.Technicians:N0} new technicians), {r.Visits:N0} node visits, {r.WorkLines:N0} work lines, " +
                $"{r.Settlements:N0} settlements with {r.SettlementLines:N0} lines, {r.LedgerEntries:N0} ledger entries; rollups rebuilt from " +
                $"{r.Rollups.Tickets:N0} tickets and {r.Rollups.LedgerEntries:N0} entries in {r.Rollups.Took.TotalSeconds:N1} s. Total {r.Took.TotalSeconds:N1} s.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
