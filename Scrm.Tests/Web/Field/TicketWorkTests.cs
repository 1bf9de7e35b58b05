using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Settlements.Components;
using Xunit;

namespace Scrm.Tests.Web.Field;

/// <summary>The 服务与备件 tab as the desk (an agent) works it.</summary>
public sealed class TicketWorkTests : ScrmComponentTest
{
    private IRenderedComponent<TicketWork> RenderWork(long ticketId)
    {
        Render<MudPopoverProvider>();
        var cut = Render<TicketWork>(p => p.Add(w => w.TicketId, ticketId));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        return cut;
    }

    private static async Task ChooseAsync(IRenderedComponent<TicketWork> cut, string code)
    {
        var picker = cut.FindComponent<MudAutocomplete<WorkChoice>>();
        var options = cut.FindComponent<WorkAddForm>().Instance.Options;
        var item = options.Services.Single(s => s.Code == code);
        await cut.InvokeAsync(() => picker.Instance.SelectOptionAsync(new WorkChoice(PricedItemKind.Service, item)));
    }

    private static void Submit(IRenderedComponent<TicketWork> cut, string quantity)
    {
        cut.Find("input[data-testid=work-quantity-input]").Input(quantity);
        cut.Find("[data-testid=work-add-submit]").Click();
    }

    [Fact]
    public async Task Adding_ADecimalQuantity_ListsTheLine()
    {
        var id = await FieldData.StartedRepairAsync(Services);
        var cut = RenderWork(id);
        Assert.NotNull(cut.Find("[data-testid=work-empty]"));

        await ChooseAsync(cut, "AC-REPAIR");
        Submit(cut, "1.5");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=work-line]")));
        Assert.Contains("AC-REPAIR", cut.Find("[data-testid=work-line]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1.5 ", cut.Find("[data-testid=work-quantity]").TextContent.Trim(), StringComparison.Ordinal);
        var saved = await Services.GetRequiredService<WorkService>().GetAsync(await TestApp.ActorAsync(Services, "agent"), id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(1.5m, Assert.Single(saved.Lines).Quantity);
    }

    [Theory]
    [InlineData("abc", "Type a number, such as 20 or 2.5.")]
    [InlineData("0", "The quantity must be more than zero.")]
    [InlineData("-2", "The quantity must be more than zero.")]
    [InlineData("1.255", "A quantity has at most two decimals, such as 2.5 or 0.75.")]
    public async Task ABadQuantity_IsRefusedAtTheField_AndNothingIsSaved(string quantity, string message)
    {
        var id = await FieldData.StartedRepairAsync(Services);
        var cut = RenderWork(id);

        await ChooseAsync(cut, "AC-REPAIR");
        Submit(cut, quantity);

        // Shown under the quantity field itself (MudBlazor renders ErrorText as the field's helper line).
        cut.WaitForAssertion(() => Assert.Equal(message, Assert.Single(cut.FindAll("[data-testid=work-add] .mud-input-helper-text.mud-input-error")).TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=work-error]"));
        Assert.Empty(cut.FindAll("[data-testid=work-line]"));
        var saved = await Services.GetRequiredService<WorkService>().GetAsync(await TestApp.ActorAsync(Services, "agent"), id, Xunit.TestContext.Current.CancellationToken);
        Assert.Empty(saved.Lines);
    }

    [Fact]
    public async Task ACancelledTicket_ShowsWhyItsWorkIsLocked_AndOffersNoForm()
    {
        var id = await FieldData.StartedRepairAsync(Services);
        await FieldData.RecordRepairAsync(Services, id);
        await FieldData.MoveAsync(Services, id, TicketStatus.Cancelled);

        var cut = RenderWork(id);

        Assert.Equal("This ticket is closed or cancelled: its work can no longer change.", cut.Find("[data-testid=work-locked]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=work-line]"));
        Assert.Empty(cut.FindAll("[data-testid=work-add]"));
        Assert.Empty(cut.FindAll("[data-testid=work-remove]"));
    }

    [Fact]
    public async Task ASettledTicket_IsLocked_AndItsSettlementShowsThePostedLines()
    {
        await FieldData.PublishRepairPriceAsync(Services);
        var id = await FieldData.StartedRepairAsync(Services);
        await FieldData.RecordRepairAsync(Services, id);
        await FieldData.MoveAsync(Services, id, TicketStatus.Resolved);

        var cut = RenderWork(id);

        Assert.Equal("This ticket has been settled: reopen it to change the work recorded.", cut.Find("[data-testid=work-locked]").TextContent.Trim());
        Assert.Equal("Posted", cut.Find("[data-testid=settlement-state]").TextContent.Trim());
        Assert.Equal("¥80.00", cut.Find("[data-testid=settlement-total]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=settlement-line]"));
    }
}
