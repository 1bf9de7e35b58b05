using Bunit;
using Scrm.Domain.Sla;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>The SLA badge of boards and lists: one colour and word per band, the working time left, nothing without a state.</summary>
public sealed class SlaBadgeTests : ScrmComponentTest
{
    [Theory]
    [InlineData(SlaBand.OnTrack, 60, "scrm-sla-ontrack", "#2E7D32", "On track · 3 h left")]
    [InlineData(SlaBand.AtRisk, 130, "scrm-sla-atrisk", "#FFA000", "At risk · 1 h 50 min left")]
    [InlineData(SlaBand.DueSoon, 200, "scrm-sla-duesoon", "#E53935", "Due soon · 40 min left")]
    [InlineData(SlaBand.Breached, 255, "scrm-sla-breached", "#8E0000", "Breached · 15 min over")]
    [InlineData(SlaBand.Paused, 100, "scrm-sla-paused", "#9E9E9E", "Paused")]
    public void EachBand_HasItsClassColourAndWords(SlaBand band, int usedMinutes, string cssClass, string colour, string text)
    {
        var state = new SlaState(SlaTarget.Resolution, band, null, TimeSpan.FromHours(4), TimeSpan.FromMinutes(usedMinutes));

        var cut = Render<SlaBadge>(p => p.Add(b => b.State, state));

        var badge = cut.Find("[data-testid=sla-badge]");
        Assert.Contains(cssClass, badge.ClassList);
        Assert.Contains($"--sla-color: {colour}", badge.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal(text, string.Join(" · ", badge.Children.Select(c => c.TextContent.Trim())));
        Assert.Equal("Resolution · " + text.Split(" · ")[0], badge.GetAttribute("title"));
    }

    [Theory]
    [InlineData(SlaBand.OnTrack, 60, "3 h left")]
    [InlineData(SlaBand.Breached, 255, "Breached")]
    [InlineData(SlaBand.Paused, 100, "Paused")]
    public void Compact_ShowsTheTimeLeft_OrTheWordWhenThereIsNoTimeToShow(SlaBand band, int usedMinutes, string text)
    {
        var state = new SlaState(SlaTarget.FirstResponse, band, null, TimeSpan.FromHours(4), TimeSpan.FromMinutes(usedMinutes));

        var cut = Render<SlaBadge>(p => p.Add(b => b.State, state).Add(b => b.Compact, true));

        Assert.Equal(text, cut.Find("[data-testid=sla-badge]").TextContent.Trim());
    }

    [Fact]
    public void NoState_ShowsNothing()
    {
        var cut = Render<SlaBadge>(p => p.Add(b => b.State, null));

        Assert.Equal("", cut.Markup.Trim());
    }
}
