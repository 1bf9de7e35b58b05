using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>Only the ticket desk (agent, supervisor, admin) exports: the file holds what the ticket center shows, and nobody else uses it.</summary>
public sealed class ExportAccessTests(ExportApp app) : IClassFixture<ExportApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("tech1")]
    [InlineData("finance")]
    [InlineData("sales")]
    [InlineData("customer")]
    public async Task NoOneOutsideTheDesk_RequestsListsOrCancelsExports(string userName)
    {
        var actor = await app.ActorAsync(userName);
        var exports = app.Exports();

        await Assert.ThrowsAsync<ForbiddenException>(() => exports.RequestAsync(actor, new TicketFilter(), [], Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => exports.ListMineAsync(actor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => exports.TemplatesAsync(actor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => exports.CancelAsync(actor, Guid.NewGuid(), Ct));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("agent3")]
    public async Task TheDesk_RequestsAndListsItsOwnExports(string userName)
    {
        var id = await app.RequestAsync(userName, new TicketFilter { Search = "没有这样的工单" });

        var mine = await app.Exports().ListMineAsync(await app.ActorAsync(userName), Ct);

        Assert.Contains(id, mine.Select(r => r.Id));
        Assert.DoesNotContain(id, (await app.Exports().ListMineAsync(await app.ActorAsync("agent2"), Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task ARequestNamingATemplateThatDoesNotExist_IsRefused_AndSavesNothing()
    {
        var actor = await app.ActorAsync("agent2");
        var before = (await app.Exports().ListMineAsync(actor, Ct)).Count;

        var refused = await Assert.ThrowsAsync<Scrm.Domain.Common.DomainException>(() => app.Exports().RequestAsync(actor, new TicketFilter(), [424242], Ct));

        Assert.Equal(("ExportTemplateUnknown", "TemplateIds"), (refused.Code, refused.Field));
        Assert.Equal(before, (await app.Exports().ListMineAsync(actor, Ct)).Count);
    }
}
