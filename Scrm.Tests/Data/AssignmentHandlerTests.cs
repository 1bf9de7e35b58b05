using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data.Seed;
using Scrm.Domain.Assignment;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Tests.Web;
using Scrm.Tests.Web.Outbox;
using Scrm.Web.Features.Assignment;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Workflows;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// The assignment rules applied by the save pipeline on a real SQLite file with the demo company: its repair rule
/// "维修 · 吴刚、郑海轮流" takes turns between 吴刚 (湖州) and 郑海 (杭州, 湖州); its install rules pick the least-loaded
/// technician of the region. Each test gets its own database.
/// </summary>
public sealed class AssignmentHandlerTests : IAsyncLifetime
{
    private const string RepairTurns = "维修 · 吴刚、郑海轮流";
    private string _file = "";
    private OutboxHost _host = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _file = await OutboxHost.NewDatabaseAsync();
        _host = await OutboxHost.StartAsync(_file, new FakeTimeProvider(TestApp.Now));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        OutboxHost.Delete(_file);
    }

    [Fact]
    public async Task Creation_WithoutAssignee_TakesTurns_AndTheHistoryNamesTheRule()
    {
        var first = await CreateRepairAsync("湖州");
        var second = await CreateRepairAsync("湖州");
        var third = await CreateRepairAsync("湖州");

        Assert.Equal(["吴刚", "郑海", "吴刚"], [await AssigneeAsync(first), await AssigneeAsync(second), await AssigneeAsync(third)]);
        Assert.Equal(TicketStatus.Assigned, await _host.QueryAsync(db => db.Tickets.Where(t => t.Id == first).Select(t => t.Status).SingleAsync(Ct)));
        var history = await _host.Tickets.HistoryAsync(await _host.ActorAsync("agent"), second, Ct);
        var row = Assert.Single(history, r => r.Field == AssignedByRuleHistory.Field);
        Assert.Equal((RepairTurns, "郑海", "张敏"), (row.Before, row.After, row.ActorName));
    }

    [Fact]
    public async Task TwoCreationsAtOnce_GetTheTwoTurns()
    {
        var ids = await Task.WhenAll(Task.Run(() => CreateRepairAsync("湖州"), Ct), Task.Run(() => CreateRepairAsync("湖州"), Ct));

        Assert.Equal(["吴刚", "郑海"], (await Task.WhenAll(ids.Select(AssigneeAsync))).Order());
        // The turn stored on the rule is the pick of the ticket saved last (ids follow the order of the saves).
        var lastPicked = await _host.QueryAsync(db => db.AssignmentRules.Where(r => r.Name == RepairTurns).Select(r => r.LastPickedUserId).SingleAsync(Ct));
        var savedLast = await _host.QueryAsync(db => db.Tickets.Where(t => ids.Contains(t.Id)).OrderByDescending(t => t.Id).Select(t => t.AssigneeId).FirstAsync(Ct));
        Assert.Equal(savedLast, lastPicked);
    }

    [Fact]
    public async Task Creation_WithAnAssignee_IsLeftAlone()
    {
        var form = await RepairFormAsync("湖州");
        form.AssigneeId = await UserIdAsync("tech4");

        var (id, _) = await _host.Tickets.CreateAsync(await _host.ActorAsync("agent"), form, Ct);

        Assert.Equal("郑海", await AssigneeAsync(id));
        Assert.Null(await _host.QueryAsync(db => db.AssignmentRules.Where(r => r.Name == RepairTurns).Select(r => r.LastPickedUserId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task EnteringANodeThatAsksForIt_AppliesThatNodesRules()
    {
        await PublishInstallationWithAutoAssignAtDispatchAsync();
        await AddRuleAsync("安装工单", "dispatch", "派单 · 冰箱师傅", "冰箱");
        var form = await InstallFormAsync("湖州");
        form.AssigneeId = await UserIdAsync("tech4");
        var (id, _) = await _host.Tickets.CreateAsync(await _host.ActorAsync("agent"), form, Ct);
        Assert.Equal("郑海", await AssigneeAsync(id)); // 受理 does not ask

        await _host.PressAsync(id, "accept->dispatch");

        // 湖州's technicians with the 冰箱 skill: 吴刚 (郑海 has 空调 and 净水器).
        Assert.Equal("吴刚", await AssigneeAsync(id));
        var history = await _host.Tickets.HistoryAsync(await _host.ActorAsync("agent"), id, Ct);
        Assert.Equal("派单 · 冰箱师傅", Assert.Single(history, r => r.Field == AssignedByRuleHistory.Field).Before);
    }

    [Fact]
    public async Task TwoTicketsEnteringTheNodeAtOnce_BothMove_AndGetTheTwoTurns()
    {
        await PublishInstallationWithAutoAssignAtDispatchAsync();
        var group = new[] { await UserIdAsync("tech3"), await UserIdAsync("tech4") };
        await _host.Services.GetRequiredService<AssignmentService>().CreateAsync(await _host.ActorAsync("admin"), await TemplateIdAsync("安装工单"),
            new AssignmentRuleRequest { Name = "派单 · 湖州轮流", NodeId = "dispatch", Strategy = AssignmentStrategy.RoundRobin, GroupUserIds = group }, Ct);
        var ids = new List<long>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var form = await InstallFormAsync("湖州");
            form.AssigneeId = await UserIdAsync("tech4");
            ids.Add((await _host.Tickets.CreateAsync(await _host.ActorAsync("agent"), form, Ct)).Id);
        }

        // Neither press is refused as a conflict: the second waits for the first's turn and takes the next one.
        await Task.WhenAll(ids.Select(id => Task.Run(() => _host.PressAsync(id, "accept->dispatch"), Ct)));

        Assert.Equal(["吴刚", "郑海"], (await Task.WhenAll(ids.Select(AssigneeAsync))).Order());
    }

    [Fact]
    public async Task NobodyEligible_LeavesTheTicketUnassigned_AndTellsTheRegionsSupervisorsOnce()
    {
        // 上海's one technician, 赵强, is not in the turn group, and the fallback rule for the rest of the region is removed.
        await _host.QueryAsync(db => db.AssignmentRules.Where(r => r.Name == "维修 · 本区域最少在手").ExecuteDeleteAsync(Ct));

        var id = await CreateRepairAsync("上海");
        await _host.Dispatcher.DeliverDueAsync(Ct);
        await _host.Dispatcher.DeliverDueAsync(Ct);

        Assert.Null(await AssigneeAsync(id));
        var told = await _host.QueryAsync(db => db.Notifications.Where(n => n.TicketId == id && n.Kind == NotificationKind.Unassigned)
            .Join(db.UserProfiles, n => n.RecipientId, p => p.Id, (_, p) => p.UserName).OrderBy(n => n).ToListAsync(Ct));
        // 李娜 is central; 马超 supervises 上海; 周婷 (杭州) and 林峰 (浙江省) do not see it.
        Assert.Equal(["supervisor", "supervisor3"], told);
    }

    private async Task<long> CreateRepairAsync(string city)
    {
        var (id, _) = await _host.Tickets.CreateAsync(await _host.ActorAsync("agent"), await RepairFormAsync(city), Ct);
        return id;
    }

    private async Task<TicketForm> RepairFormAsync(string city)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var form = await Scrm.Tests.Web.Tickets.DemoTicketForms.RepairAsync(scope);
        form.RegionId = await RegionIdAsync(city);
        return form;
    }

    private async Task<TicketForm> InstallFormAsync(string city)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var form = await Scrm.Tests.Web.Tickets.DemoTicketForms.InstallAsync(scope);
        form.RegionId = await RegionIdAsync(city);
        return form;
    }

    private async Task PublishInstallationWithAutoAssignAtDispatchAsync()
    {
        var admin = await _host.ActorAsync("admin");
        var workflows = _host.Services.GetRequiredService<WorkflowService>();
        var templateId = await TemplateIdAsync("安装工单");
        var graph = DemoWorkflows.Installation();
        graph = graph with { Nodes = [.. graph.Nodes.Select(n => n.Id == "dispatch" ? n with { Actor = n.Actor! with { AutoAssign = true } } : n)] };
        var draft = await workflows.CreateDraftAsync(admin, templateId, 2, "安装流程", graph, Ct);
        await workflows.PublishAsync(admin, draft.Id, draft.Version, "安装流程", graph, Ct);
    }

    private async Task AddRuleAsync(string template, string? nodeId, string name, string skill)
    {
        var skillId = await _host.QueryAsync(db => db.SkillTags.Where(s => s.Name == skill).Select(s => s.Id).SingleAsync(Ct));
        await _host.Services.GetRequiredService<AssignmentService>().CreateAsync(await _host.ActorAsync("admin"), await TemplateIdAsync(template),
            new AssignmentRuleRequest { Name = name, NodeId = nodeId, SkillTagId = skillId, Strategy = AssignmentStrategy.LeastLoad }, Ct);
    }

    private Task<string?> AssigneeAsync(long ticketId) => _host.QueryAsync(db =>
        db.Tickets.Where(t => t.Id == ticketId).Select(t => db.UserProfiles.Where(p => p.Id == t.AssigneeId).Select(p => p.DisplayName).SingleOrDefault())
            .SingleAsync(Ct));

    private Task<string> UserIdAsync(string userName) => _host.QueryAsync(db => db.UserProfiles.Where(p => p.UserName == userName).Select(p => p.Id).SingleAsync(Ct));

    private Task<long> RegionIdAsync(string name) => _host.QueryAsync(db => db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Ct));

    private Task<long> TemplateIdAsync(string name) => _host.QueryAsync(db => db.TicketTemplates.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Ct));
}
