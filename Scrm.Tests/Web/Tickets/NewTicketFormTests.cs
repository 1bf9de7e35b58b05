using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The new-ticket form on the demo company's 安装工单: every problem flagged at once, every input capped in the browser.</summary>
public sealed class NewTicketFormTests : ScrmComponentTest
{
    private async Task<IRenderedComponent<NewTicketPage>> OpenInstallFormAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        var id = await db.TicketTemplates.Where(t => t.Name == "安装工单").Select(t => t.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"tickets/new?template={id}");
        Render<MudPopoverProvider>();
        var cut = Render<NewTicketPage>();
        cut.WaitForElement("[data-testid=fields-form]");
        return cut;
    }

    private static string HelperText(IRenderedComponent<NewTicketPage> cut, string selector) =>
        cut.Find(selector).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text .me-auto")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task AnEmptyForm_FlagsTheTitleAndEveryRequiredField_AtOnce()
    {
        var cut = await OpenInstallFormAsync();

        cut.Find("[data-testid=submit-ticket]").Click();

        cut.WaitForElement("[data-testid=form-error]");
        Assert.Equal("Title is required.", HelperText(cut, "input[data-testid=ticket-title]"));
        Assert.Equal("产品类型 is required.", HelperText(cut, "[data-field=product_type] .mud-input-control *"));
        Assert.Equal("安装地址 is required.", HelperText(cut, "[data-field=address] textarea"));
        Assert.Equal("联系电话 is required.", HelperText(cut, "[data-field=contact_phone] input"));
    }

    [Fact]
    public async Task ACountField_RefusesHalfUnits_AndFullWidthDigitsAreRead()
    {
        var cut = await OpenInstallFormAsync();

        cut.Find("[data-field=old_units] input").Input("3.5");
        cut.WaitForAssertion(() => Assert.Equal("拆旧数量 must be a whole number.", HelperText(cut, "[data-field=old_units] input")));

        cut.Find("[data-field=old_units] input").Input("３");
        cut.WaitForAssertion(() => Assert.Equal("", HelperText(cut, "[data-field=old_units] input")));
        cut.Find("[data-field=contact_phone] input").Input("１３８１２３４５６７８");
        cut.WaitForAssertion(() => Assert.Equal("", HelperText(cut, "[data-field=contact_phone] input")));
    }

    [Fact]
    public async Task ATitleOf60CharactersOutsideTheBasicPlane_IsNotFlagged_But101Are()
    {
        var cut = await OpenInstallFormAsync();

        cut.Find("input[data-testid=ticket-title]").Input(string.Concat(Enumerable.Repeat("𠀀", 60)));
        Assert.Equal("", HelperText(cut, "input[data-testid=ticket-title]"));

        cut.Find("input[data-testid=ticket-title]").Input(string.Concat(Enumerable.Repeat("𠀀", 101)));
        Assert.Equal("Title must be at most 100 characters.", HelperText(cut, "input[data-testid=ticket-title]"));
    }

    [Fact]
    public async Task EveryInput_HasALengthLimitTheBrowserEnforces()
    {
        var cut = await OpenInstallFormAsync();

        string? MaxLength(string selector) => cut.Find(selector).GetAttribute("maxlength");
        Assert.Equal("200", MaxLength("input[data-testid=ticket-title]"));
        Assert.Equal("8000", MaxLength("textarea[data-testid=ticket-description]"));
        Assert.Equal("100", MaxLength("input[data-testid=ticket-customer]"));
        Assert.Equal("400", MaxLength("[data-field=model] input"));
        Assert.Equal("4000", MaxLength("[data-field=address] textarea"));
        Assert.Equal("30", MaxLength("[data-field=old_units] input"));
        Assert.Equal("30", MaxLength("[data-field=extra_fee] input"));
        Assert.Equal("30", MaxLength("[data-field=purchase_date] input"));
        Assert.Equal("400", MaxLength("[data-field=contact_phone] input"));
        Assert.Equal("400", MaxLength("[data-field=order_no] input"));
    }

    [Fact]
    public void QuickSearch_IsCappedInTheBrowser()
    {
        var cut = Render<QuickSearch>();

        Assert.Equal("100", cut.Find("input[data-testid=quick-search]").GetAttribute("maxlength"));
    }
}
