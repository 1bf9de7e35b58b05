using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
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
        await using var agent = await app.SignInAsync("agent");
        var tickets = agent.ServiceProvider.GetRequiredService<TicketService>();
        var atTriage = await NewComplaintAsync(tickets);
        var atFollowup = await NewComplaintAsync(tickets, "triage->handle", "handle->refund");
        var atObjection = await NewComplaintAsync(tickets, "triage->handle", "handle->refund", "followup->objection");
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var migrations = scope.ServiceProvider.GetRequiredService<WorkflowMigrationService>();
        var draft = await workflows.OpenDraftAsync(await TemplateIdAsync("投诉工单"), Ct);
        await workflows.PublishAsync(draft.Id, draft.Revision, draft.Name, draft.Graph, Ct);
        var v1 = (await workflows.VersionsAsync(draft.DefinitionId, Ct)).Single(v => v.Version == 1);
        // 回访 moves onto the objection timer, the objection timer onto the end; every other step stays where it is.
        var mapping = (await migrations.SetupAsync(v1.Id, Ct))!.TicketsPerNode.Keys.ToDictionary(k => k, k => k);
        mapping["followup"] = "objection";
        mapping["objection"] = "closed";

        var plan = await migrations.PlanAsync(v1.Id, draft.Id, mapping, Ct);
        await migrations.ApplyAsync(v1.Id, draft.Id, mapping, Ct);

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
        await using var agent = await app.SignInAsync("agent");
        var tickets = agent.ServiceProvider.GetRequiredService<TicketService>();
        var old = (await tickets.CreateAsync(await InstallFormAsync(), Ct)).Id;
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var draft = await workflows.OpenDraftAsync(await TemplateIdAsync("安装工单"), Ct);
        var renamed = draft.Graph with { Transitions = draft.Graph.Transitions.Select(t => t.Id == "accept->dispatch" ? t with { Label = "接单" } : t).ToList() };
        await workflows.PublishAsync(draft.Id, draft.Revision, draft.Name, renamed, Ct);

        var fresh = (await tickets.CreateAsync(await InstallFormAsync(), Ct)).Id;
        Assert.Equal(["接单", "取消"], (await tickets.GetAsync(fresh, Ct))!.Workflow!.Buttons.Select(b => b.Label));
        Assert.Equal(["受理", "取消"], (await tickets.GetAsync(old, Ct))!.Workflow!.Buttons.Select(b => b.Label));

        await tickets.TransitionAsync(old, (await tickets.GetAsync(old, Ct))!.Version, "accept->dispatch", Ct);
        var path = (await tickets.GetAsync(old, Ct))!.Workflow!.Path;
        Assert.Equal("受理", path.Single(p => p.NodeName == "受理").Via);
    }

    private static (string?, TicketStatus, DateTime?) State(Ticket ticket) => (ticket.CurrentNodeId, ticket.Status, ticket.TimerDueAt);

    /// <summary>A new complaint (no refund), moved on by pressing <paramref name="buttons"/> in order.</summary>
    private async Task<long> NewComplaintAsync(TicketService tickets, params string[] buttons)
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
        var (id, _) = await tickets.CreateAsync(form, Ct);
        foreach (var button in buttons)
        {
            await tickets.TransitionAsync(id, (await tickets.GetAsync(id, Ct))!.Version, button, Ct);
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
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var draft = await workflows.OpenDraftAsync(await TemplateIdAsync("维修工单"), Ct);
        var broken = draft.Graph with { Transitions = [] };

        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => workflows.PublishAsync(draft.Id, draft.Revision, draft.Name, broken, Ct));

        Assert.Contains(refused.Problems, p => p.Code == "NoWayOut");
        Assert.Contains(refused.Problems, p => p.Code == "Unreachable");
        var reloaded = (await workflows.GetVersionAsync(draft.Id, Ct))!;
        Assert.False(reloaded.IsPublished);
        Assert.Equal(draft.Graph, reloaded.Graph);
    }

    [Fact]
    public async Task SavingAStaleDraft_IsDetected()
    {
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var draft = await workflows.OpenDraftAsync(await TemplateIdAsync("投诉工单"), Ct);

        await workflows.SaveDraftAsync(draft.Id, draft.Revision, "第一位管理员", draft.Graph, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => workflows.SaveDraftAsync(draft.Id, draft.Revision, "第二位管理员", draft.Graph, Ct));
    }

    [Fact]
    public async Task NonAdmins_CannotTouchWorkflows()
    {
        await using var scope = await app.SignInAsync("supervisor");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => workflows.ListAsync(Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => workflows.SaveDraftAsync(1, 1, "x", new WorkflowGraph(), Ct));
    }

    private async Task<long> TemplateIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.TicketTemplates.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Ct);
    }
}
