using Bunit;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Boards;
using Scrm.Web.Features.Boards.Components;
using Xunit;

namespace Scrm.Tests.Web.Boards;

/// <summary>A card carries its urgency in its left border and its SLA band in a bar or badge (ui.md colours).</summary>
public sealed class BoardCellViewTests : ScrmComponentTest
{
    [Theory]
    [InlineData(Urgency.Urgent, "#D32F2F")]
    [InlineData(Urgency.High, "#F57C00")]
    [InlineData(Urgency.Normal, "#1976D2")]
    [InlineData(Urgency.Low, "#757575")]
    public void Border_HasTheUrgencyColour(Urgency urgency, string colour)
    {
        var cut = RenderCell(Card(urgency, null));

        Assert.Contains($"--urgency-color:{colour}", cut.Find("[data-testid=board-card]").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SlaBand.OnTrack, "sla-bar", "#2E7D32", "On track")]
    [InlineData(SlaBand.AtRisk, "sla-bar", "#FFA000", "At risk")]
    [InlineData(SlaBand.DueSoon, "sla-bar", "#E53935", "Due soon")]
    [InlineData(SlaBand.Breached, "sla-badge", "#8E0000", "Breached")]
    [InlineData(SlaBand.Paused, "sla-badge", "#9E9E9E", "Paused")]
    public void Sla_ShowsItsBand(SlaBand band, string shape, string colour, string word)
    {
        var sla = new SlaState(SlaTarget.Resolution, band, null, TimeSpan.FromHours(4), TimeSpan.FromHours(3));
        var cut = RenderCell(Card(Urgency.Normal, sla));

        var shown = cut.Find($"[data-testid={shape}]");
        Assert.Equal(band.ToString(), shown.GetAttribute("data-band"));
        Assert.Contains($"--sla-color:{colour}", shown.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal(word, shown.GetAttribute("title"));
    }

    [Fact]
    public void NoSlaPolicy_ShowsNoSla()
    {
        var cut = RenderCell(Card(Urgency.Normal, null));

        Assert.Empty(cut.FindAll("[data-testid=sla-bar], [data-testid=sla-badge]"));
    }

    [Fact]
    public void ACardReadAgainUnchanged_DoesNotRenderAgain()
    {
        var cut = RenderCell(Card(Urgency.Normal, null));

        cut.Render(p => p.Add(c => c.Cards, [Card(Urgency.Normal, null)]));
        Assert.Equal(1, cut.RenderCount);

        cut.Render(p => p.Add(c => c.Cards, [Card(Urgency.Normal, null) with { Title = "移机" }]));
        Assert.Equal(2, cut.RenderCount);
        Assert.Equal("移机", cut.Find("[data-testid=board-card-title]").TextContent);
    }

    [Fact]
    public void TicketText_IsShownAsText_NotAsMarkup()
    {
        var cut = RenderCell(Card(Urgency.Normal, null) with { Title = "<b>空调</b> & \"柜机\"", CustomerName = "<script>alert(1)</script>" });

        Assert.Equal("<b>空调</b> & \"柜机\"", cut.Find("[data-testid=board-card-title]").TextContent);
        Assert.Equal("<b>空调</b> & \"柜机\"", cut.Find("[data-testid=board-card-title]").GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-testid=board-card] b, [data-testid=board-card] script"));
        Assert.Contains("<script>alert(1)</script>", cut.Find("[data-testid=board-card]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<BoardCellView> RenderCell(BoardCard card) =>
        Render<BoardCellView>(p => p.Add(c => c.Zone, "InProgress").Add(c => c.Cards, [card]));

    private static BoardCard Card(Urgency urgency, SlaState? sla) =>
        new(1, "GD20261125-0001", "安装空调", urgency, TicketStatus.InProgress, 1, "钱建国", "u1", "赵强", null, null, null, 1,
            new DateTime(2026, 11, 25, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc)) { Sla = sla };
}
