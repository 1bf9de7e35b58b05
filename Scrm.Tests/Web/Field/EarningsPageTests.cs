using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web.Live;
using Scrm.Web.Features.Field;
using Xunit;

namespace Scrm.Tests.Web.Field;

/// <summary>我的收益 of 孙伟 (tech2): totals from his ledger, re-read when one of his tickets settles.</summary>
public sealed class EarningsPageTests : ScrmComponentTest
{
    protected override string UserName => "tech2";

    [Fact]
    public async Task ShowsTheLedgersTotals_AndUpdates_WhenAnotherOfHisTicketsSettles()
    {
        await FieldData.PublishRepairPriceAsync(Services);
        var first = await FieldData.StartedRepairAsync(Services, title: "第一单");
        await FieldData.RecordRepairAsync(Services, first);
        await FieldData.MoveAsync(Services, first, TicketStatus.Resolved);

        var cut = Render<EarningsPage>();
        cut.WaitForAssertion(() => Assert.Equal("¥80.00", cut.Find("[data-testid=earnings-today]").TextContent.Trim()));
        Assert.Equal("¥80.00", cut.Find("[data-testid=earnings-month]").TextContent.Trim());
        Assert.Equal("¥0.00", cut.Find("[data-testid=earnings-last-month]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=earnings-ticket]"));

        var second = await FieldData.StartedRepairAsync(Services, title: "第二单");
        await FieldData.RecordRepairAsync(Services, second);
        await FieldData.MoveAsync(Services, second, TicketStatus.Resolved);
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("¥160.00", cut.Find("[data-testid=earnings-today]").TextContent.Trim()));
        Assert.Equal(2, cut.FindAll("[data-testid=earnings-ticket]").Count);
    }

    [Fact]
    public async Task AReopenedTicket_ShowsItsReversal_Negative_AndNetsToZero()
    {
        await FieldData.PublishRepairPriceAsync(Services);
        var id = await FieldData.StartedRepairAsync(Services);
        await FieldData.RecordRepairAsync(Services, id);
        await FieldData.MoveAsync(Services, id, TicketStatus.Resolved);
        await FieldData.MoveAsync(Services, id, TicketStatus.InProgress);

        var cut = Render<EarningsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=earnings-line]").Count));
        var reversal = cut.Find("[data-testid=earnings-line][data-kind=Reversal]");
        Assert.Contains("Reversal", reversal.TextContent, StringComparison.Ordinal);
        Assert.Contains("-¥80.00", reversal.TextContent, StringComparison.Ordinal);
        Assert.Equal("¥0.00", cut.Find("[data-testid=earnings-ticket-total]").TextContent.Trim());
        Assert.Equal("¥0.00", cut.Find("[data-testid=earnings-today]").TextContent.Trim());
    }
}
