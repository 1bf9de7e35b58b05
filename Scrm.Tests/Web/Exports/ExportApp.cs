using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>
/// The app's services over the seeded demo company (real migrations, in-memory SQLite), with export files in a folder
/// of the test's own; exports run as in the app, by delivering the outbox. Adds generated tickets for an export to find.
/// </summary>
public sealed class ExportApp : IAsyncLifetime
{
    private SqliteConnection? _keepAlive;
    private int _numbers;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"scrm-export-tests-{Guid.NewGuid():N}");

    /// <summary>The job's files in the export folder; none when nothing was ever written (the folder is made by the first write).</summary>
    public IReadOnlyList<string> FilesOf(Guid jobId) =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, $"{jobId:N}*").ToList() : [];
    public ServiceProvider Services { get; private set; } = default!;
    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public ExportFiles Files => Services.GetRequiredService<ExportFiles>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ExportFiles(Folder));
        _keepAlive = services.AddScrmForTests();
        services.AddLogging();
        Services = services.BuildServiceProvider();
        await TestApp.SeedAsync(Services);
    }

    public Task<Actor> ActorAsync(string userName) => TestApp.ActorAsync(Services, userName);

    /// <summary>The export service as a page gets it (scoped).</summary>
    public ExportService Exports() => Services.CreateScope().ServiceProvider.GetRequiredService<ExportService>();

    public async Task<Guid> RequestAsync(string userName, TicketFilter filter, params string[] templateNames)
    {
        var ids = await ReadAsync(db => db.TicketTemplates.Where(t => templateNames.Contains(t.Name)).Select(t => t.Id).ToListAsync(Ct));
        return await Exports().RequestAsync(await ActorAsync(userName), filter, ids, Ct);
    }

    /// <summary>Runs what the outbox holds, as the delivery job does every few seconds.</summary>
    public Task DeliverAsync() => Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);

    public Task<ExportJob> JobAsync(Guid id) => ReadAsync(db => db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, Ct));

    public async Task<T> ReadAsync<T>(Func<ScrmDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await read(db);
    }

    /// <summary>
    /// Adds <paramref name="count"/> new tickets titled "<paramref name="marker"/> n" in <paramref name="city"/>: even ones
    /// installs (money, whole number, dates, checkboxes filled), odd ones repairs (a multi-select, a 关联客户 link).
    /// </summary>
    public async Task AddTicketsAsync(string marker, int count, string city)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        // Bulk data, not desk work: no assignment rules, no notifications queued for the outbox to work through.
        db.Pipeline = SaveServices.Default with { Clock = Time };
        var templates = await db.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules).AsSplitQuery().ToDictionaryAsync(t => t.Name, Ct);
        var region = await db.Regions.SingleAsync(r => r.Name == city, Ct);
        var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync(Ct);
        var agent = await db.UserProfiles.SingleAsync(p => p.UserName == "agent", Ct);
        for (var i = 0; i < count; i++)
        {
            var install = i % 2 == 0;
            Dictionary<string, string?> fields = install
                ? new() { ["product_type"] = "空调", ["address"] = $"{city}市文三路 {i} 号", ["contact_phone"] = "13800138000", ["purchase_date"] = "2026-11-20",
                    ["remove_old"] = "true", ["old_units"] = "2", ["high_altitude"] = "true", ["extra_fee"] = "1234.5" }
                : new() { ["fault_types"] = """["不制冷","漏水"]""", ["warranty"] = "过保", ["quote"] = "88", ["contact_phone"] = "13900139000",
                    ["linked_customer"] = customer.Id.ToString(CultureInfo.InvariantCulture) };
            var number = new TicketNumber(new DateOnly(2030, 1, 1), Interlocked.Increment(ref _numbers));
            db.Tickets.Add(Ticket.Create(number, templates[install ? "安装工单" : "维修工单"],
                new TicketDetails($"{marker} {i}", "客户反映空调外机噪音较大，夜间影响休息。", Urgency.Normal, customer.Id, region.Id, null), fields, agent.Id, Time));
            if (i % 20 == 19 || i == count - 1)
            {
                // In small saves: the audit looks up each field value's ticket among the tracked rows, a cost that grows with the batch.
                await db.SaveChangesAsync(Ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
