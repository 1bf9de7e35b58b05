using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web;
using Scrm.Web.Features.Tickets;

namespace Scrm.Tests.Web.Outbox;

/// <summary>
/// One app instance's services (data layer, features, consumers) over a SQLite file that several instances can share,
/// as two app servers share one database. Disposing it is the instance going away; nothing runs in the background,
/// so a test decides when delivery happens.
/// </summary>
public sealed class OutboxHost : IAsyncDisposable
{
    private OutboxHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public WorkflowTimerService Timers => Services.GetRequiredService<WorkflowTimerService>();

    public TicketService Tickets => Services.GetRequiredService<TicketService>();

    /// <summary>A new SQLite file holding the seeded demo company.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"scrm-outbox-{Guid.NewGuid():N}.db");
        await using var host = await StartAsync(file, new FakeTimeProvider(TestApp.Now), migrate: false);
        await TestApp.SeedAsync(host.Services);
        await host.Services.MigrateScrmDatabaseAsync(); // no migration left; switches the file to WAL as the app does
        return file;
    }

    public static async Task<OutboxHost> StartAsync(string file, TimeProvider clock, Action<IServiceCollection>? configure = null, bool migrate = true)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={file}",
        }).Build();
        services.AddSingleton(clock);
        services.AddScrmData(configuration);
        services.AddScrmFeatures();
        services.AddLogging();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        if (migrate)
        {
            await provider.MigrateScrmDatabaseAsync();
        }

        return new OutboxHost(provider);
    }

    public Task<Actor> ActorAsync(string userName) => TestApp.ActorAsync(Services, userName);

    public async Task<T> QueryAsync<T>(Func<ScrmDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>
    /// A new urgent complaint with a small refund, pressed on to its 24-hour objection Timer; on the way (no approval
    /// needed) its Notify action asks for the refund.
    /// </summary>
    public async Task<long> ComplaintAtObjectionWindowAsync(string title = "安装师傅迟到两小时")
    {
        var id = await NewUrgentRefundComplaintAsync(title);
        foreach (var press in new[] { "triage->handle", "handle->refund", "followup->objection" })
        {
            await PressAsync(id, press);
        }

        return id;
    }

    public async Task<long> NewUrgentRefundComplaintAsync(string title)
    {
        var templateId = await QueryAsync(db => db.TicketTemplates.Where(t => t.Name == "投诉工单").Select(t => t.Id).SingleAsync());
        var (id, _) = await Tickets.CreateAsync(await ActorAsync("agent"), new TicketForm
        {
            TemplateId = templateId,
            Title = title,
            Urgency = Urgency.Urgent,
            Fields = new(StringComparer.Ordinal)
            {
                ["complaint_type"] = "上门超时",
                ["contact_phone"] = "13800138000",
                ["handling_result"] = "已致歉并赠送保养券",
                ["need_refund"] = "true",
                ["refund_amount"] = "200",
            },
        });
        return id;
    }

    /// <summary>The agent presses a workflow button.</summary>
    public async Task PressAsync(long id, string transitionId)
    {
        var agent = await ActorAsync("agent");
        await Tickets.TransitionAsync(agent, id, (await Tickets.GetAsync(agent, id))!.Version, transitionId);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Deletes a database file and its WAL companions once no host uses it.</summary>
    public static void Delete(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
