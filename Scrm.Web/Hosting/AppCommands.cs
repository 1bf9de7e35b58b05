using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Rollups;

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
}
