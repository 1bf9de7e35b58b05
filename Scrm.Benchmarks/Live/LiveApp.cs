using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Web;
using Scrm.Web.Features.Sla;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// The real app in this process on 127.0.0.1 (Kestrel on a free port), on a database file of its own, as
/// Scrm.Tests/Browser/AppServerFixture hosts it. Its services are at hand for commands and GC readings.
/// </summary>
/// <remarks>
/// The factory is typed by <see cref="SharedResource"/>: any type of the app's assembly names its entry point, and the
/// name <c>Program</c> here is this console's own.
/// </remarks>
public sealed class LiveApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<SharedResource> _factory;

    private LiveApp(WebApplicationFactory<SharedResource> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public static LiveApp Start(string databaseFile)
    {
        var factory = new WebApplicationFactory<SharedResource>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Scrm", $"Data Source={databaseFile}");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:SeedDemoCompany", "false");
            // The measurements print to this console; the app's own information lines would bury them. EF's failed-save
            // lines are off too: SettleAsync races the app's escalation job on purpose, and the loser's insert fails on
            // the unique key (caught by the job, logged by EF). The app's own errors still print.
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Update", "None");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveApp(factory, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>
    /// Lets the background work the data left behind finish before anything is measured: the data was made days ago,
    /// so the escalation job's first round flags breaches and sends escalations (one transaction each), and the outbox
    /// delivers what they and the seeding queued. Runs escalation rounds beside the app's own until one finds nothing
    /// left to do, then waits for an empty outbox.
    /// </summary>
    public async Task<string> SettleAsync(CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var escalations = Services.GetRequiredService<SlaEscalationService>();
        SlaEscalationService.RunResult round;
        do
        {
            round = await escalations.RunOnceAsync(ct);
        }
        while (round.Sent + round.Breached > 0);

        var contexts = Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await poll.WaitForNextTickAsync(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (!await db.OutboxMessages.AnyAsync(m => m.DeliveredAt == null && m.ParkedAt == null, ct))
            {
                var sent = await db.SlaEscalations.CountAsync(ct);
                var breached = await db.Tickets.CountAsync(t => t.SlaBreachedAt != null, ct);
                var notifications = await db.Notifications.CountAsync(ct);
                return $"{sent} escalation levels sent, {breached} tickets flagged breached, {notifications} notifications, outbox empty after "
                    + $"{stopwatch.Elapsed.TotalSeconds:F1} s";
            }
        }

        throw new OperationCanceledException(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
