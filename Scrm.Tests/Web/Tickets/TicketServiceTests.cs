using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The ticket center's handlers as the UI calls them: role checks, bad input, concurrency, audit.</summary>
public sealed class TicketServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_SavesTicketWithTodaysNumberAndCanonicalFields()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        var (id, number) = await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.InstallAsync(scope), Ct);

        // 06:00 UTC on 2026-11-25 is 14:00 in China: today's counter, continuing the seeded tickets' sequence.
        Assert.StartsWith("GD20261125-", number, StringComparison.Ordinal);
        var view = await tickets.GetAsync(await scope.ActorAsync(), id, Ct);
        Assert.NotNull(view);
        Assert.Equal("空调", view.Fields["product_type"]);
        Assert.Equal("350.00", view.Fields["extra_fee"]);
        Assert.Equal(TicketStatus.New, view.Status);
    }

    [Fact]
    public async Task CreateAsync_GivesConsecutiveNumbers()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        var first = (await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.InstallAsync(scope), Ct)).Number;
        var second = (await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.InstallAsync(scope), Ct)).Number;

        Assert.True(TicketNumber.TryParse(first, out var a));
        Assert.True(TicketNumber.TryParse(second, out var b));
        Assert.Equal(a!.Sequence + 1, b!.Sequence);
    }

    [Theory]
    [InlineData("technician", "tech1")]
    [InlineData("finance", "finance")]
    [InlineData("customer", "customer")]
    public async Task CreateAsync_IsForbidden_ForRolesOutsideTheDesk(string _, string userName)
    {
        await using var scope = await app.SignInAsync(userName);
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var before = await CountTicketsAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.InstallAsync(scope), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.ListAsync(await scope.ActorAsync(), new TicketQuery(), Ct));

        Assert.Equal(before, await CountTicketsAsync());
    }

    [Fact]
    public async Task CreateAsync_RefusesForgedFieldKey_AndSavesNothing()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Fields["is_admin"] = "true";
        var before = await CountTicketsAsync();

        var error = await Assert.ThrowsAsync<FieldValidationException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), form, Ct));

        Assert.Contains(error.Errors, e => e.FieldKey == "is_admin" && e.Code == "Unknown");
        Assert.Equal(before, await CountTicketsAsync());
    }

    [Theory]
    [InlineData("old_units", "two", "NotANumber")]
    [InlineData("purchase_date", "1999-12-31", "DateOutOfRange")]
    [InlineData("product_type", "电视机", "NotAnOption")]
    [InlineData("contact_phone", "12345", "NotAPhone")]
    public async Task CreateAsync_RefusesBadFieldValue_WithItsCode(string key, string value, string code)
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Fields[key] = value;
        var before = await CountTicketsAsync();

        var error = await Assert.ThrowsAsync<FieldValidationException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), form, Ct));

        Assert.Contains(error.Errors, e => e.FieldKey == key && e.Code == code);
        Assert.Equal(before, await CountTicketsAsync());
    }

    [Fact]
    public async Task CreateAsync_RequiresConditionalField_OnlyWhenItsRuleApplies()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Fields["high_altitude"] = "true";
        form.Fields["extra_fee"] = null;

        var error = await Assert.ThrowsAsync<FieldValidationException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), form, Ct));
        Assert.Contains(error.Errors, e => e.FieldKey == "extra_fee" && e.Code == "Required");

        form.Fields["high_altitude"] = null;
        var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), form, Ct);
        Assert.True(id > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateAsync_RefusesEmptyTitle(string title)
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Title = title;

        var error = await Assert.ThrowsAsync<DomainException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), form, Ct));

        Assert.Equal(("Required", "Title"), (error.Code, error.Field));
    }

    [Fact]
    public async Task CreateAsync_RefusesOverlongTitle()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Title = new string('修', Ticket.TitleMaxLength + 1);

        var error = await Assert.ThrowsAsync<DomainException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), form, Ct));

        Assert.Equal(("TooLong", "Title"), (error.Code, error.Field));
    }

    [Fact]
    public async Task CreateAsync_RefusesCustomerThatDoesNotExist()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.CustomerId = 999_999;

        var error = await Assert.ThrowsAsync<DomainException>(async () => await tickets.CreateAsync(await scope.ActorAsync(), form, Ct));

        Assert.Equal(("CustomerNotFound", "CustomerId"), (error.Code, error.Field));
    }

    [Fact]
    public async Task EditAsync_SecondEditorGetsConflict_AndFirstEditIsKept()
    {
        await using var first = await app.SignInAsync("agent");
        await using var second = await app.SignInAsync("agent2");
        var (id, _) = await first.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await first.ActorAsync(), await DemoTicketForms.InstallAsync(first), Ct);
        var formA = await EditFormAsync(first, id);
        var formB = await EditFormAsync(second, id);

        formA.Title = "张敏改的标题";
        await first.ServiceProvider.GetRequiredService<TicketService>().EditAsync(await first.ActorAsync(), id, formA, Ct);
        formB.Title = "陈静改的标题";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await second.ServiceProvider.GetRequiredService<TicketService>().EditAsync(await second.ActorAsync(), id, formB, Ct));

        var stored = await first.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await first.ActorAsync(), id, Ct);
        Assert.Equal("张敏改的标题", stored!.Title);
    }

    [Fact]
    public async Task EditAsync_RecordsWhoChangedWhatInHistory()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.InstallAsync(scope), Ct);
        var form = await EditFormAsync(scope, id);
        form.Title = "改约到周六";
        form.Fields["model"] = "KFR-50LW";

        await tickets.EditAsync(await scope.ActorAsync(), id, form, Ct);
        var history = await tickets.HistoryAsync(await scope.ActorAsync(), id, Ct);

        Assert.Contains(history, h => h.Field == "Title" && h.Before == "空调上门安装" && h.After == "改约到周六" && h.ActorName == "张敏");
        Assert.Contains(history, h => h.Field == "Fields.model" && h.Before == "KFR-35GW" && h.After == "KFR-50LW");
    }

    [Fact]
    public async Task ChangeStatusAsync_FollowsTheAllowedPath_AndRefusesOthers()
    {
        await using var scope = await app.SignInAsync("supervisor");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.RepairAsync(scope), Ct);

        var version = await tickets.ChangeStatusAsync(await scope.ActorAsync(), id, (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Version, TicketStatus.InProgress, Ct);
        var refused = await Assert.ThrowsAsync<DomainException>(async () => await tickets.ChangeStatusAsync(await scope.ActorAsync(), id, version, TicketStatus.Closed, Ct));

        Assert.Equal("StatusTransitionInvalid", refused.Code);
        Assert.Equal(TicketStatus.InProgress, (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Status);
    }

    [Fact]
    public async Task CreateAsync_StartsThePublishedWorkflow_AndOffersItsButtons()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), await DemoTicketForms.InstallAsync(scope), Ct);
        var view = (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!;

        Assert.NotNull(view.Workflow);
        Assert.Equal("受理", view.Workflow.CurrentNodeName);
        Assert.Equal(["受理", "取消"], view.Workflow.Buttons.Select(b => b.Label));
        Assert.All(view.Workflow.Buttons, b => Assert.Null(b.Refusal));
        Assert.Equal(TicketStatus.New, view.Status);
    }

    [Fact]
    public async Task ListAsync_NamesTheWorkflowStepEachTicketWaitsAt()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Title = "列表显示流程节点";
        await tickets.CreateAsync(await scope.ActorAsync(), form, Ct);

        var row = Assert.Single((await tickets.ListAsync(await scope.ActorAsync(), new TicketQuery { Search = "列表显示流程节点" }, Ct)).Items);

        Assert.Equal("受理", row.StepName);
    }

    [Fact]
    public async Task TransitionAsync_MovesAlongTheWorkflow_AndRefusesWhatTheNodeForbids()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var form = await DemoTicketForms.InstallAsync(scope);
        form.Fields.Remove("appointment");
        var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), form, Ct);

        var version = await tickets.TransitionAsync(await scope.ActorAsync(), id, (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Version, "accept->dispatch", Ct);
        var refused = await Assert.ThrowsAsync<DomainException>(async () => await tickets.TransitionAsync(await scope.ActorAsync(), id, version, "dispatch->visit", Ct));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await tickets.TransitionAsync(await scope.ActorAsync(), id, version - 1, "dispatch->visit", Ct));

        Assert.Equal(("TransitionFieldsMissing", "appointment"), (refused.Code, refused.Field));
        Assert.NotNull(stale);
        var view = (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!;
        Assert.Equal("派单", view.Workflow!.CurrentNodeName);
        Assert.Equal(["受理", "派单"], view.Workflow.Path.Where(p => p.Kind != Scrm.Domain.Workflows.NodeKind.Start).Select(p => p.NodeName));
    }

    [Fact]
    public async Task ListAsync_SortsByStatusInLifecycleOrder()
    {
        await using var scope = await app.SignInAsync("supervisor");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var marker = $"状态排序{Guid.NewGuid():N}"[..12];
        TicketStatus[][] walks = [[TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed], [TicketStatus.Cancelled], [],
            [TicketStatus.InProgress, TicketStatus.OnHold], [TicketStatus.InProgress], [TicketStatus.InProgress, TicketStatus.Resolved]];
        foreach (var walk in walks)
        {
            var form = await DemoTicketForms.RepairAsync(scope);
            form.Title = marker;
            var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), form, Ct);
            foreach (var next in walk)
            {
                await tickets.ChangeStatusAsync(await scope.ActorAsync(), id, (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Version, next, Ct);
            }
        }

        var ascending = await tickets.ListAsync(await scope.ActorAsync(), new TicketQuery { Search = marker, SortBy = TicketSort.Status, Descending = false }, Ct);
        var descending = await tickets.ListAsync(await scope.ActorAsync(), new TicketQuery { Search = marker, SortBy = TicketSort.Status, Descending = true }, Ct);

        Assert.Equal([TicketStatus.New, TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled],
            ascending.Items.Select(r => r.Status));
        Assert.Equal([TicketStatus.Cancelled, TicketStatus.Closed, TicketStatus.Resolved, TicketStatus.OnHold, TicketStatus.InProgress, TicketStatus.New],
            descending.Items.Select(r => r.Status));
    }

    private async Task<int> CountTicketsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.CountAsync(Ct);
    }

    private static async Task<TicketForm> EditFormAsync(AsyncServiceScope scope, long id)
    {
        return TicketForm.Edit((await scope.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await scope.ActorAsync(), id, Ct))!);
    }
}
