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
        var draft = await SavedDraftAsync(workflows, templateId);
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
        var draft = await SavedDraftAsync(workflows, await TemplateIdAsync("维修工单"));
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
        var draft = await SavedDraftAsync(workflows, await TemplateIdAsync("投诉工单"));

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

    [Fact]
    public async Task OpeningTheDesigner_WritesNothing_TheFirstSaveCreatesTheDraft()
    {
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var bare = await NewTemplateAsync("无流程的模板");
        var installation = await TemplateIdAsync("安装工单");
        var before = await WorkflowRowsAsync();

        var starter = (await workflows.OpenDraftAsync(bare, Ct))!;
        var next = (await workflows.OpenDraftAsync(installation, Ct))!;

        Assert.Equal(before, await WorkflowRowsAsync());
        Assert.Equal((false, 1, 3), (starter.IsSaved, starter.Version, starter.Graph.Nodes.Count));
        Assert.Equal((false, 2), (next.IsSaved, next.Version));

        var saved = await workflows.CreateDraftAsync(bare, starter.Version, "新流程", starter.Graph, Ct);

        Assert.Equal(before.Append((bare, 1, false)).Order(), (await WorkflowRowsAsync()).Order());
        var reopened = (await workflows.OpenDraftAsync(bare, Ct))!;
        Assert.Equal((true, saved.Id, "新流程", 1), (reopened.IsSaved, reopened.Id, reopened.Name, reopened.Version));
        Assert.Equal(starter.Graph, reopened.Graph);
    }

    [Fact]
    public async Task TwoAdminsSavingTheFirstDraftOneAfterTheOther_TheSecondIsToldOfTheConflict()
    {
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
        var templateId = await NewTemplateAsync("先后保存");
        var first = (await workflows.OpenDraftAsync(templateId, Ct))!;
        var second = (await workflows.OpenDraftAsync(templateId, Ct))!;

        await workflows.CreateDraftAsync(templateId, first.Version, "第一位管理员", first.Graph, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => workflows.CreateDraftAsync(templateId, second.Version, "第二位管理员", second.Graph, Ct));
        Assert.Equal(["第一位管理员"], await WorkflowNamesAsync(templateId));
    }

    [Fact]
    public async Task TwoAdminsSavingTheFirstDraftAtOnce_OneWins_TheOtherIsToldOfTheConflict()
    {
        await using var scopeA = await app.SignInAsync("admin");
        await using var scopeB = await app.SignInAsync("admin");
        var a = scopeA.ServiceProvider.GetRequiredService<WorkflowService>();
        var b = scopeB.ServiceProvider.GetRequiredService<WorkflowService>();
        var templateId = await NewTemplateAsync("同时保存");
        var draft = (await a.OpenDraftAsync(templateId, Ct))!;

        var results = await Task.WhenAll(
            Outcome(() => a.CreateDraftAsync(templateId, draft.Version, "管理员甲", draft.Graph, Ct)),
            Outcome(() => b.CreateDraftAsync(templateId, draft.Version, "管理员乙", draft.Graph, Ct)));

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
            await using var scope = await app.SignInAsync("admin");
            var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();
            // 50 UTF-16 units: the cut must not split 𠀀 (two units) in half.
            var templateId = await NewTemplateAsync(new string('安', 46) + "𠀀" + "长名");

            var draft = (await workflows.OpenDraftAsync(templateId, Ct))!;
            var saved = await workflows.CreateDraftAsync(templateId, draft.Version, draft.Name, draft.Graph, Ct);

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
        await using var scope = await app.SignInAsync("admin");
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowService>();

        Assert.Null(await workflows.OpenDraftAsync(999_999, Ct));
    }

    // The designer's first save: what the page does when it opened a draft that has no row yet.
    private static async Task<WorkflowDesign> SavedDraftAsync(WorkflowService workflows, long templateId)
    {
        var draft = (await workflows.OpenDraftAsync(templateId, Ct))!;
        return draft.IsSaved ? draft : await workflows.CreateDraftAsync(templateId, draft.Version, draft.Name, draft.Graph, Ct);
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

    private async Task<List<(long TemplateId, int Version, bool IsPublished)>> WorkflowRowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return (await db.WorkflowDefinitions.Select(w => new { w.TemplateId, w.Version, w.IsPublished }).ToListAsync(Ct))
            .Select(w => (w.TemplateId, w.Version, w.IsPublished)).Order().ToList();
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
