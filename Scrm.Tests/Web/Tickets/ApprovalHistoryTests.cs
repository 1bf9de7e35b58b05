using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Workflows;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// A command loads the open visit and the last one a person left, not the whole history; separation of duties must still
/// hold after many rounds of submit and reject between two supervisors.
/// </summary>
public sealed class ApprovalHistoryTests : IAsyncLifetime
{
    private const int Rounds = 20;

    private CountedApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await CountedApp.StartAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task TransitionAsync_RefusesTheLastRequester_AfterALongHistory_AndLoadsTwoVisits()
    {
        var id = await CreateTicketOnReviewWorkflowAsync();
        await using var first = await _app.SignInAsync("supervisor");
        await using var second = await _app.SignInAsync("supervisor2");
        var tickets = first.ServiceProvider.GetRequiredService<TicketService>();
        var version = (await tickets.GetAsync(await first.ActorAsync(), id, Ct))!.Version;

        // Each round one supervisor submits and the other rejects; the roles swap every round, and the last round ends
        // with supervisor2's rejection, so supervisor2 left the ticket most recently before this last submission.
        for (var round = 0; round < Rounds; round++)
        {
            var (submitter, rejecter) = round % 2 == 0 ? (first, second) : (second, first);
            version = await PressAsync(submitter, id, version, "draft->approve");
            version = await PressAsync(rejecter, id, version, "approve->draft");
        }

        version = await PressAsync(first, id, version, "draft->approve");
        _app.Counter.Reset();
        var refused = await Assert.ThrowsAsync<DomainException>(() => PressAsync(first, id, version, "approve->done"));
        var visitsLoaded = _app.Counter.VisitsLoaded;
        await PressAsync(second, id, version, "approve->done");

        var view = (await tickets.GetAsync(await first.ActorAsync(), id, Ct))!;
        Assert.Equal("ApproverIsRequester", refused.Code);
        Assert.Equal(2, visitsLoaded);
        Assert.Equal(TicketStatus.Closed, view.Status);
        // Start, then draft and approval for every round and the last one, then the end.
        Assert.Equal(1 + (2 * Rounds) + 2 + 1, view.Workflow!.Path.Count);
        Assert.Equal("周婷", view.Workflow.Path[^2].ExitedByName);
    }

    private static async Task<long> PressAsync(AsyncServiceScope scope, long id, long version, string transitionId) =>
        await scope.ServiceProvider.GetRequiredService<TicketService>().TransitionAsync(await scope.ActorAsync(), id, version, transitionId, Ct);

    /// <summary>A ticket on a new template whose workflow loops between a draft step and a supervisor's approval.</summary>
    private async Task<long> CreateTicketOnReviewWorkflowAsync()
    {
        await using var admin = await _app.SignInAsync("admin");
        var actor = await admin.ActorAsync();
        var templateId = await admin.ServiceProvider.GetRequiredService<TemplateService>().CreateAsync(actor, "报价审批", null, Ct);
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始")
            .Step("draft", "起草报价", ActorRule.Desk, TicketStatus.New)
            .Approval("approve", "报价审批", ActorRule.Supervisors)
            .End("done", "已批准", EndOutcome.Closed)
            .Link("start", "draft")
            .Link("draft", "approve", "提交")
            .Link("approve", "done", "批准")
            .Link("approve", "draft", "驳回")
            .Build();
        var workflows = admin.ServiceProvider.GetRequiredService<WorkflowService>();
        var draft = await workflows.CreateDraftAsync(actor, templateId, 1, "报价审批流程", graph, Ct);
        await workflows.PublishAsync(actor, draft.Id, draft.Version, draft.Name, graph, Ct);

        await using var agent = await _app.SignInAsync("agent");
        // In 杭州, so 周婷 (supervisor2, 杭州) may act on it as well as the central supervisor.
        await using var db = await agent.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var hangzhou = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(Ct);
        var form = new TicketForm { TemplateId = templateId, Title = "年度维保合同报价", RegionId = hangzhou };
        var (id, _) = await agent.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await agent.ActorAsync(), form, Ct);
        return id;
    }
}
