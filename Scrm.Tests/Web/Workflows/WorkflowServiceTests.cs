using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>Drafts, publishing and migrating tickets between versions, as the admin pages call them.</summary>
public sealed class WorkflowServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishingANewVersion_ThenMigratingTickets_MovesThemAsTheDryRunShowed()
    {
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var migrations = scope.ServiceProvider.GetRequiredService<WorkflowMigrationService>();
        var templateId = await TemplateIdAsync("安装工单");
        var draft = await workflows.OpenDraftAsync(templateId, Ct);
        var v2Graph = draft.Graph with { Nodes = draft.Graph.Nodes.Select(n => n.Id == "visit" ? n with { Name = "上门服务" } : n).ToList() };
        var version = await workflows.PublishAsync(draft.Id, draft.Revision, draft.Name, v2Graph, Ct);
        var v1 = (await workflows.VersionsAsync(draft.DefinitionId, Ct)).Single(v => v.Version == 1);
        var setup = (await migrations.SetupAsync(v1.Id, Ct))!;
        var mapping = setup.TicketsPerNode.Keys.ToDictionary(k => k, k => k);

        var plan = await migrations.PlanAsync(v1.Id, draft.Id, mapping, Ct);
        var moved = await migrations.ApplyAsync(v1.Id, draft.Id, mapping, Ct);

        Assert.Equal(2, version);
        Assert.True(plan.CanApply);
        Assert.Equal(plan.Moves.Sum(m => m.Tickets), moved);
        Assert.True(moved > 0);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var perNode = await db.Tickets.Where(t => t.WorkflowId == draft.Id).GroupBy(t => t.CurrentNodeId!).ToDictionaryAsync(g => g.Key, g => g.Count(), Ct);
        Assert.Equal(plan.Moves.ToDictionary(m => m.ToNodeId, m => m.Tickets), perNode);
    }

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
