using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>Drafts, publishing and migrating tickets between versions, as the admin pages call them.</summary>
public sealed class WorkflowServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishingANewVersion_ThenMigratingTickets_MovesEachTicketAsTheDryRunShowed()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var agent = await app.ActorAsync("agent");
        var atTriage = await NewComplaintAsync(tickets, agent);
        var atFollowup = await NewComplaintAsync(tickets, agent, "triage->handle", "handle->refund");
        var atObjection = await NewComplaintAsync(tickets, agent, "triage->handle", "handle->refund", "followup->objection");
        var admin = await app.ActorAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var migrations = scope.ServiceProvider.GetRequiredService<WorkflowMigrationService>();
        var draft = await SavedDraftAsync(workflows, admin, await TemplateIdAsync("投诉工单"));
        await workflows.PublishAsync(admin, draft.Id, draft.Version, draft.Name, draft.Graph, Ct);
        var versions = await workflows.VersionsAsync(admin, draft.DefinitionId, Ct);
        var v1 = versions.Single(v => v.Number == 1);
        var published = versions.Single(v => v.Id == draft.Id);
        Assert.Equal((true, "王磊"), (published.IsPublished, published.PublishedByName));
        // 回访 moves onto the objection timer, the objection timer onto the end; every other step stays where it is.
        var mapping = (await migrations.SetupAsync(admin, v1.Id, Ct))!.TicketsPerNode.Keys.ToDictionary(k => k, k => k);
        mapping["followup"] = "objection";
        mapping["objection"] = "closed";

        var plan = await migrations.PlanAsync(admin, v1.Id, draft.Id, mapping, Ct);
        await migrations.ApplyAsync(admin, v1.Id, draft.Id, mapping, Ct);

        Assert.True(plan.CanApply);
        Assert.Contains(plan.Moves, m => (m.FromNodeId, m.ToNodeId) == ("followup", "objection"));
        Assert.Contains(plan.Moves, m => (m.FromNodeId, m.ToNodeId) == ("objection", "closed"));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var moved = await db.Tickets.AsNoTracking().Where(t => t.Id == atTriage || t.Id == atFollowup || t.Id == atObjection).ToDictionaryAsync(t => t.Id, Ct);
        // The tests' clock reads 2026-11-25 06:00 UTC; the objection timer waits 24 hours from the move.
        Assert.Equal(("triage", TicketStatus.New, (DateTime?)null), State(moved[atTriage]));
        Assert.Equal(("objection", TicketStatus.OnHold, (DateTime?)new DateTime(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc)), State(moved[atFollowup]));
        Assert.Equal(("closed", TicketStatus.Closed, (DateTime?)null), State(moved[atObjection]));
        Assert.All(moved.Values, t => Assert.Equal(draft.Id, t.WorkflowId));
    }

    [Fact]
    public async Task OldTickets_KeepTheButtonsOfTheVersionTheyStartedOn()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var agent = await app.ActorAsync("agent");
        var old = (await tickets.CreateAsync(agent, await InstallFormAsync(), Ct)).Id;
        var admin = await app.ActorAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var draft = await SavedDraftAsync(workflows, admin, await TemplateIdAsync("安装工单"));
        var renamed = draft.Graph with { Transitions = draft.Graph.Transitions.Select(t => t.Id == "accept->dispatch" ? t with { Label = "接单" } : t).ToList() };
        await workflows.PublishAsync(admin, draft.Id, draft.Version, draft.Name, renamed, Ct);

        var fresh = (await tickets.CreateAsync(agent, await InstallFormAsync(), Ct)).Id;
        Assert.Equal(["接单", "取消"], (await tickets.GetAsync(agent, fresh, Ct))!.Workflow!.Buttons.Select(b => b.Label));
        Assert.Equal(["受理", "取消"], (await tickets.GetAsync(agent, old, Ct))!.Workflow!.Buttons.Select(b => b.Label));

        await tickets.TransitionAsync(agent, old, (await tickets.GetAsync(agent, old, Ct))!.Version, "accept->dispatch", Ct);
        var path = (await tickets.GetAsync(agent, old, Ct))!.Workflow!.Path;
        Assert.Equal("受理", path.Single(p => p.NodeName == "受理").Via);
    }

    private static (string?, TicketStatus, DateTime?) State(Ticket ticket) => (ticket.CurrentNodeId, ticket.Status, ticket.TimerDueAt);

    /// <summary>A new complaint (no refund), moved on by pressing <paramref name="buttons"/> in order.</summary>
    private async Task<long> NewComplaintAsync(TicketService tickets, Actor agent, params string[] buttons)
    {
        var form = new TicketForm
        {
            TemplateId = await TemplateIdAsync("投诉工单"),
            Title = "上门超时投诉",
            Fields = new(StringComparer.Ordinal)
            {
                ["complaint_type"] = "上门超时",
                ["contact_phone"] = "13800138000",
                ["handling_result"] = "已致电道歉并改约",
            },
        };
        var (id, _) = await tickets.CreateAsync(agent, form, Ct);
        foreach (var button in buttons)
        {
            await tickets.TransitionAsync(agent, id, (await tickets.GetAsync(agent, id, Ct))!.Version, button, Ct);
        }

        return id;
    }

    private async Task<TicketForm> InstallFormAsync() => new()
    {
        TemplateId = await TemplateIdAsync("安装工单"),
        Title = "空调上门安装",
        Fields = new(StringComparer.Ordinal)
        {
            ["product_type"] = "空调",
            ["address"] = "上海南京西路100号",
            ["contact_phone"] = "13800138000",
        },
    };

    [Fact]
    public async Task Publishing_IsRefusedWithEveryProblem_AndNothingIsSaved()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
        var draft = await SavedDraftAsync(workflows, admin, await TemplateIdAsync("维修工单"));
        var broken = draft.Graph with { Transitions = [] };

        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => workflows.PublishAsync(admin, draft.Id, draft.Version, draft.Name, broken, Ct));

        Assert.Contains(refused.Problems, p => p.Code == "NoWayOut");
        Assert.Contains(refused.Problems, p => p.Code == "Unreachable");
        var reloaded = (await workflows.GetVersionAsync(admin, draft.Id, Ct))!;
        Assert.False(reloaded.IsPublished);
        Assert.Equal(draft.Graph, reloaded.Graph);
        Assert.Equal(draft.Version, reloaded.Version);
    }

    [Fact]
    public async Task SavingAStaleDraft_IsDetected()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
        var draft = await SavedDraftAsync(workflows, admin, await TemplateIdAsync("投诉工单"));

        var saved = await workflows.SaveDraftAsync(admin, draft.Id, draft.Version, "第一位管理员", draft.Graph, Ct);

        Assert.Equal(draft.Version + 1, saved);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => workflows.SaveDraftAsync(admin, draft.Id, draft.Version, "第二位管理员", draft.Graph, Ct));
        Assert.Equal(("第一位管理员", saved), await NameAndVersionAsync(draft.Id));
    }

    [Fact]
    public async Task NonAdmins_CannotTouchWorkflows()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var supervisor = await app.ActorAsync("supervisor");

        await Assert.ThrowsAsync<ForbiddenException>(() => workflows.ListAsync(supervisor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => workflows.SaveDraftAsync(supervisor, 1, 1, "x", new WorkflowGraph(), Ct));
    }

    [Fact]
    public async Task OpeningTheDesigner_WritesNothing_TheFirstSaveCreatesTheDraft()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
        var bare = await NewTemplateAsync("无流程的模板");
        var installation = await TemplateIdAsync("安装工单");
        var before = await WorkflowRowsAsync();

        var starter = (await workflows.OpenDraftAsync(admin, bare, Ct))!;
        var next = (await workflows.OpenDraftAsync(admin, installation, Ct))!;

        Assert.Equal(before, await WorkflowRowsAsync());
        Assert.Equal((false, 1, 3), (starter.IsSaved, starter.Number, starter.Graph.Nodes.Count));
        // Other tests of this class may publish installation versions too: the next one follows the latest.
        var latest = before.Where(w => w.TemplateId == installation).Max(w => w.Number);
        Assert.Equal((false, latest + 1), (next.IsSaved, next.Number));

        var saved = await workflows.CreateDraftAsync(admin, bare, starter.Number, "新流程", starter.Graph, Ct);

        Assert.Equal(before.Append((bare, 1, false)).Order(), (await WorkflowRowsAsync()).Order());
        var reopened = (await workflows.OpenDraftAsync(admin, bare, Ct))!;
        Assert.Equal((true, saved.Id, "新流程", 1, 1L), (reopened.IsSaved, reopened.Id, reopened.Name, reopened.Number, reopened.Version));
        Assert.Equal(starter.Graph, reopened.Graph);
    }

    [Fact]
    public async Task TwoAdminsSavingTheFirstDraftOneAfterTheOther_TheSecondIsToldOfTheConflict()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
        var templateId = await NewTemplateAsync("先后保存");
        var first = (await workflows.OpenDraftAsync(admin, templateId, Ct))!;
        var second = (await workflows.OpenDraftAsync(admin, templateId, Ct))!;

        await workflows.CreateDraftAsync(admin, templateId, first.Number, "第一位管理员", first.Graph, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => workflows.CreateDraftAsync(admin, templateId, second.Number, "第二位管理员", second.Graph, Ct));
        Assert.Equal(["第一位管理员"], await WorkflowNamesAsync(templateId));
    }

    [Fact]
    public async Task TwoAdminsSavingTheFirstDraftAtOnce_OneWins_TheOtherIsToldOfTheConflict()
    {
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<WorkflowService>();
        var b = scopeB.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
        var templateId = await NewTemplateAsync("同时保存");
        var draft = (await a.OpenDraftAsync(admin, templateId, Ct))!;

        var results = await Task.WhenAll(
            Outcome(() => a.CreateDraftAsync(admin, templateId, draft.Number, "管理员甲", draft.Graph, Ct)),
            Outcome(() => b.CreateDraftAsync(admin, templateId, draft.Number, "管理员乙", draft.Graph, Ct)));

        Assert.Equal(["conflict", "saved"], results.Order());
        Assert.Single(await WorkflowNamesAsync(templateId));

        static async Task<string> Outcome(Func<Task> save)
        {
            try
            {
                await save();
                return "saved";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }
    }

    [Fact]
    public async Task StarterName_FitsTheLimit_WhenTheTemplateNameUsesAllFiftyCharacters()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
            // 50 UTF-16 units: the cut must not split 𠀀 (two units) in half.
            var templateId = await NewTemplateAsync(new string('安', 46) + "𠀀" + "长名");

            var draft = (await workflows.OpenDraftAsync(admin, templateId, Ct))!;
            var saved = await workflows.CreateDraftAsync(admin, templateId, draft.Number, draft.Name, draft.Graph, Ct);

            Assert.Equal(new string('安', 46) + "…流程", draft.Name);
            Assert.Equal(draft.Name, saved.Name);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task OpeningAMissingTemplate_IsNull()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");

        Assert.Null(await workflows.OpenDraftAsync(admin, 999_999, Ct));
    }

    // The designer's first save: what the page does when it opened a draft that has no row yet.
    [Fact]
    public async Task NewTickets_StartOnTheHighestPublishedNumber_HoweverOftenAnOlderVersionWasSaved()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var admin = await app.ActorAsync("admin");
        var templateId = await NewTemplateAsync("版本顺序测试");
        var graph = new WorkflowGraphBuilder().Start("start", "开始").Step("work", "处理", ActorRule.Desk).End("done", "完成", EndOutcome.Closed)
            .Link("start", "work").Link("work", "done", "完成").Build();

        // v1 is saved four times before it is published, so its concurrency token ends higher than v2's.
        var v1 = await workflows.CreateDraftAsync(admin, templateId, 1, "流程", graph, Ct);
        var token = v1.Version;
        foreach (var name in new[] { "流程 A", "流程 B", "流程 C" })
        {
            token = await workflows.SaveDraftAsync(admin, v1.Id, token, name, graph, Ct);
        }

        await workflows.PublishAsync(admin, v1.Id, token, "流程", graph, Ct);
        var v2 = await workflows.CreateDraftAsync(admin, templateId, 2, "流程", graph, Ct);
        await workflows.PublishAsync(admin, v2.Id, v2.Version, "流程", graph, Ct);
        var (ticketId, _) = await scope.ServiceProvider.GetRequiredService<TicketService>()
            .CreateAsync(await app.ActorAsync("agent"), new TicketForm { TemplateId = templateId, Title = "新工单走最新版本" }, Ct);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(v2.Id, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.WorkflowId).SingleAsync(Ct));
    }

    private static async Task<WorkflowDesign> SavedDraftAsync(WorkflowService workflows, Actor admin, long templateId)
    {
        var draft = (await workflows.OpenDraftAsync(admin, templateId, Ct))!;
        return draft.IsSaved ? draft : await workflows.CreateDraftAsync(admin, templateId, draft.Number, draft.Name, draft.Graph, Ct);
    }

    private async Task<long> NewTemplateAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var template = new Scrm.Domain.Templates.TicketTemplate(name, null);
        db.TicketTemplates.Add(template);
        await db.SaveChangesAsync(Ct);
        return template.Id;
    }

    private async Task<List<(long TemplateId, int Number, bool IsPublished)>> WorkflowRowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return (await db.WorkflowDefinitions.Select(w => new { w.TemplateId, w.Number, w.IsPublished }).ToListAsync(Ct))
            .Select(w => (w.TemplateId, w.Number, w.IsPublished)).Order().ToList();
    }

    private async Task<(string Name, long Version)> NameAndVersionAsync(long workflowId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var stored = await db.WorkflowDefinitions.AsNoTracking().SingleAsync(w => w.Id == workflowId, Ct);
        return (stored.Name, stored.Version);
    }

    private async Task<List<string>> WorkflowNamesAsync(long templateId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.WorkflowDefinitions.Where(w => w.TemplateId == templateId).Select(w => w.Name).ToListAsync(Ct);
    }

    private async Task<long> TemplateIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.TicketTemplates.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Ct);
    }
}
