using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Finance;
using Scrm.Web.Features.Finance.Components;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Settlements.Components;
using Xunit;

namespace Scrm.Tests.Web.Finance;

/// <summary>The held queue's sentences and the statements page, in Chinese as finance reads them.</summary>
public sealed class FinanceComponentTests : ScrmComponentTest
{
    private static readonly DateOnly October = new(2026, 10, 1);

    protected override string UserName => "finance";

    public FinanceComponentTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void AHeldRow_SaysWhatIsMissing_InOneSentencePerReason()
    {
        var row = new HeldSettlementRow(7, 42, "WX-20261120-0003", "空调不制冷", "郑海", "湖州", "C", "加盟", new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            [new SettlementHold(HoldReason.NoPrice, PricedItemKind.Service, 3, "空调安装"), new SettlementHold(HoldReason.NoCity)]);
        HeldSettlementRow? retried = null;

        var cut = Render<HeldQueue>(p => p.Add(q => q.Rows, [row]).Add(q => q.LinkTickets, true).Add(q => q.OnRetry, r => retried = r));

        Assert.Equal(["湖州 (C 档) / 加盟 没有 空调安装 的结算价", "工单没有填写城市"], cut.FindAll("[data-testid=hold-reason]").Select(e => e.TextContent.Trim()));
        Assert.Contains("湖州（C 档）", cut.Find("[data-testid=held-row]").TextContent, StringComparison.Ordinal);
        Assert.Equal("tickets/42", cut.Find("[data-testid=held-row] a").GetAttribute("href"));
        cut.Find("[data-testid=retry]").Click();
        Assert.Equal(7, retried?.SettlementId);
    }

    [Fact]
    public void AHeldRow_ForFinance_ShowsTheTicketNumber_WithoutALinkItCouldNotFollow()
    {
        var row = new HeldSettlementRow(7, 42, "WX-20261120-0003", "空调不制冷", "郑海", "湖州", "C", "加盟", new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            [new SettlementHold(HoldReason.NoCity)]);

        var cut = Render<HeldQueue>(p => p.Add(q => q.Rows, [row]).Add(q => q.LinkTickets, false));

        Assert.Empty(cut.FindAll("[data-testid=held-row] a"));
        Assert.StartsWith("WX-20261120-0003", cut.Find("[data-testid=held-row] td").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTicketsSettlementTab_WordsAHoldAsFinancesQueueDoes()
    {
        var held = new SettlementSummary(7, 1, SettlementState.Held, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), "郑海", null, null,
            [new SettlementHold(HoldReason.NoPrice, PricedItemKind.Service, 3, "空调安装"), new SettlementHold(HoldReason.NoPartnerType)], null)
        {
            Terms = new HoldTerms("郑海", "湖州", "C", "加盟"),
        };

        var cut = Render<SettlementPanel>(p => p.Add(s => s.Settlements, [held]));

        Assert.Equal(["湖州 (C 档) / 加盟 没有 空调安装 的结算价", "郑海 在完工当天没有合作类型"],
            cut.FindAll("[data-testid=settlement-hold]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public void AnEmptyQueue_SaysSo() =>
        Assert.Contains("没有待处理的结算", Render<HeldQueue>(p => p.Add(q => q.Rows, [])).Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);

    [Fact]
    public void StatementLines_ShowReversalsNegative_AndAdjustmentsWithTheirMonth()
    {
        var statement = new StatementRow("u2", "孙伟", "自营", October, StatementState.Draft, 2, 0m, null, null, null);
        var lines = new StatementLineRow[]
        {
            new(1, "孙伟", new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc), "WX-1", "空调维修（不含配件）", 1m, 80.00m, EarningsKind.Earning, false, October),
            new(2, "孙伟", new DateTime(2026, 10, 9, 2, 0, 0, DateTimeKind.Utc), "WX-0", "空调维修（不含配件）", -1m, -80.00m, EarningsKind.Reversal, true, new DateOnly(2026, 9, 1)),
        };

        var cut = Render<StatementLines>(p => p.Add(s => s.Detail, new StatementDetailView(statement, lines)));

        var rows = cut.FindAll("[data-testid=statement-line]");
        Assert.Contains("-¥80.00", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("冲销", rows[1].QuerySelector("[data-testid=line-reversal]")!.TextContent.Trim());
        Assert.Equal("调整 · 2026-09 完工", rows[1].QuerySelector("[data-testid=line-adjustment]")!.TextContent.Trim());
        Assert.Null(rows[0].QuerySelector("[data-testid=line-reversal]"));
        Assert.Equal("¥0.00", cut.Find("[data-testid=lines-total]").TextContent.Trim());
    }

    [Fact]
    public void TheStatementTable_OffersConfirmForADraft_AndPaidForAConfirmedOne()
    {
        var rows = new StatementRow[]
        {
            new("u2", "孙伟", "自营", October, StatementState.Draft, 2, 110.85m, null, null, null),
            new("u4", "郑海", "加盟", October, StatementState.Confirmed, 1, 90.00m, 5, null, null),
        };

        var cut = Render<StatementTable>(p => p.Add(t => t.Rows, rows).Add(t => t.CanConfirm, true));

        var (draft, confirmed) = (cut.FindAll("[data-testid=statement-row]")[0], cut.FindAll("[data-testid=statement-row]")[1]);
        Assert.Equal(("草稿", "¥110.85"), (draft.QuerySelector("[data-testid=statement-state]")!.TextContent.Trim(), draft.QuerySelector("[data-testid=statement-total]")!.TextContent.Trim()));
        Assert.NotNull(draft.QuerySelector("[data-testid=confirm-statement]"));
        Assert.Null(draft.QuerySelector("[data-testid=mark-paid]"));
        Assert.Equal("已确认", confirmed.QuerySelector("[data-testid=statement-state]")!.TextContent.Trim());
        Assert.NotNull(confirmed.QuerySelector("[data-testid=mark-paid]"));
        Assert.Equal("finance/statements/2026-10.xlsx?payee=u4", confirmed.QuerySelector("[data-testid=download-payee]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-13")]
    [InlineData("9999-12")]
    public void TheStatementsPage_AnswersAGarbageMonthWithAMessage(string month)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"finance/statements?month={month}");

        var cut = Render<StatementsPage>();

        Assert.Contains($"“{month}” 不是有效的月份", cut.Find("[data-testid=bad-month]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStatementsPage_ForAMonthWithNothingBooked_SaysWhatToExpect()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("finance/statements?month=2026-10");

        var cut = Render<StatementsPage>();

        Assert.Contains("2026-10 没有收益流水", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=download-month]"));
    }
}
