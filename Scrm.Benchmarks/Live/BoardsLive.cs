using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrm.Benchmarks.Boards;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Web.Features.Tickets;
using static Scrm.Benchmarks.Live.LiveReport;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// <c>boards-live</c>: the repair board open in 20 real Chromium pages against the real app in this process. Prints the
/// memory each board circuit holds beyond an idle one, the time to the first card (within a circuit and as a full page
/// load), and how long a ticket change takes to show on every open board.
/// </summary>
public static class BoardsLive
{
    private const string Viewer = "supervisor";
    private const string Editor = "agent";

    public sealed record Options(int Tickets = 1_000, int Pages = 20, int Changes = 30)
    {
        /// <summary>Reads <c>--tickets N --pages P --changes K</c>; anything else keeps its default.</summary>
        public static Options Parse(IReadOnlyList<string> args) =>
            new(LiveArgs.Read(args, "--tickets", 1_000), LiveArgs.Read(args, "--pages", 20), LiveArgs.Read(args, "--changes", 30));
    }

    public static async Task RunAsync(Options options, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"boards-live: {options.Pages} Chromium pages on the repair board with {options.Tickets:N0} generated open tickets, "
            + $"{options.Changes} changes; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var database = await BoardDatabase.CopyAsync(await BoardDatabase.EnsureAsync(options.Tickets, ct), ct);
        try
        {
            await using var app = LiveApp.Start(database);
            Console.WriteLine($"App on {app.BaseAddress} (database copy {database})");
            Console.WriteLine($"Settling background work: {await app.SettleAsync(ct)}");
            var board = await BoardUrlAsync(app);

            var stopwatch = Stopwatch.StartNew();
            await using var browser = await SignedInPages.OpenAsync(app.BaseAddress, options.Pages, Viewer, DemoCompanySeeder.DemoPassword,
                BoardPages.FirstCardScript);
            Console.WriteLine($"{options.Pages} contexts signed in as {Viewer} in {stopwatch.Elapsed.TotalSeconds:F1} s");

            await MeasureMemoryAndNavigationAsync(browser.Pages, board);
            await MeasureChangesAsync(app, browser.Pages, options.Changes, ct);
            await MeasureFullLoadsAsync(browser.Pages, board);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }

        Console.WriteLine($"boards-live done in {total.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The repair board's address, by the template's name (the demo gives it id 2).</summary>
    private static async Task<string> BoardUrlAsync(LiveApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var id = await db.TicketTemplates.Where(t => t.Name == BoardTickets.TemplateName).Select(t => t.Id).SingleAsync();
        return $"boards/{id}";
    }

    /// <summary>
    /// Every page on /account (an idle circuit), a full GC; then each page navigates within its circuit to the board,
    /// one after another, and a full GC again: (board − idle) / pages is what one open board holds. The first page opens
    /// the board once before, so what the first board fills for all (query plans, caches, code) is in both readings.
    /// </summary>
    private static async Task MeasureMemoryAndNavigationAsync(IReadOnlyList<IPage> pages, string board)
    {
        await SignedInPages.GotoInteractiveAsync(pages[0], "account");
        var warmUp = await BoardPages.NavigateToBoardAsync(pages[0], board);
        await BoardPages.LeaveBoardAsync(pages[0], "account");
        foreach (var page in pages.Skip(1))
        {
            await SignedInPages.GotoInteractiveAsync(page, "account");
        }

        var idle = await SettledHeapAsync();
        var navigations = new List<double>();
        var cpu = Environment.CpuUsage.TotalTime;
        foreach (var page in pages)
        {
            navigations.Add(await BoardPages.NavigateToBoardAsync(page, board));
        }

        var cpuPerBoard = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / pages.Count;

        var open = await SettledHeapAsync();
        Console.WriteLine();
        Console.WriteLine($"Memory per open board circuit: idle {Mb(idle)} MB, {pages.Count} boards open {Mb(open)} MB "
            + $"-> {Mb((open - idle) / pages.Count)} MB per board (target <= 1 MB)");
        Print($"First card, in-circuit navigation /account -> board (ms; the very first, warming up: {warmUp:F0})", navigations);
        Console.WriteLine($"  app process CPU per board opened: {cpuPerBoard:F0} ms; load average {LoadAverage()}");
    }

    /// <summary>
    /// K title edits through TicketService, one at a time, each to a ticket every page shows: the time from the command's
    /// return to the new title in each page's DOM, recorded by a MutationObserver in the page.
    /// </summary>
    private static async Task MeasureChangesAsync(LiveApp app, IReadOnlyList<IPage> pages, int changes, CancellationToken ct)
    {
        var ids = (await pages[0].Locator("[data-column-key=InProgress] [data-testid=board-card]").EvaluateAllAsync<long[]>(
            "cards => cards.map(c => Number(c.dataset.ticketId))")).Take(changes).ToList();
        var editor = await BoardDatabase.ActorAsync(app.Services, Editor, ct);
        var samples = new List<double>();
        var commands = new List<double>();
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            await using var scope = app.Services.CreateAsyncScope();
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            var form = TicketForm.Edit(await tickets.GetAsync(editor, id, ct) ?? throw new InvalidOperationException($"Ticket {id} is gone."));
            form.Title = $"基准改动 {i + 1:00} {DateTime.UtcNow:HHmmss.fff}";
            await Task.WhenAll(pages.Select(p => BoardPages.WatchTitleAsync(p, id, form.Title)));

            var started = Stopwatch.GetTimestamp();
            await tickets.EditAsync(editor, id, form, ct);
            var returned = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            commands.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var seen = await Task.WhenAll(pages.Select(BoardPages.TitleSeenAtAsync));
            samples.AddRange(seen.Select(s => (double)(s - returned)));
        }

        var cpuPerChange = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / ids.Count;
        Console.WriteLine();
        Print("TicketService.EditAsync, the command itself (ms)", commands);
        Print($"Change -> visible on {pages.Count} boards, {ids.Count} changes (ms, target p95 <= 300)", samples);
        Console.WriteLine($"  app process CPU per change (command, {pages.Count} board refreshes, reads to set up the edit): {cpuPerChange:F0} ms; "
            + $"load average {LoadAverage()}");
    }

    /// <summary>Each page loads the board in full, one after another (the others stay open): navigation start to first card.</summary>
    private static async Task MeasureFullLoadsAsync(IReadOnlyList<IPage> pages, string board)
    {
        var loads = new List<double>();
        foreach (var page in pages)
        {
            loads.Add(await BoardPages.LoadBoardAsync(page, board));
        }

        Console.WriteLine();
        Print("First card, full page load of the board (ms)", loads);
        Console.WriteLine($"  load average {LoadAverage()}");
    }

    /// <summary>The live heap after a short settle (renders and socket writes finish) and a full, blocking collection.</summary>
    private static async Task<long> SettledHeapAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
