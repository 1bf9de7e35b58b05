using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Domain.Pricing;
using Scrm.Web.Features.Pricing;
using Xunit;

namespace Scrm.Tests.Web.Pricing;

/// <summary>/admin/prices/{id} over the demo company (version 2 is 王磊's waiting draft), as the demo admin, in English.</summary>
public sealed class PriceBookPageTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACellWithoutAPrice_ShowsADash_AndTheMissingCountSaysSo()
    {
        var (id, version) = await DraftAsync();
        var key = await KeyAsync("GAS-R32", "C", "第三方");
        await Services.GetRequiredService<PriceBookService>().RemovePriceAsync(await TestApp.ActorAsync(Services, "admin"), id, version, key, Ct);

        var cut = RenderPage(id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        cut.WaitForAssertion(() => Assert.Equal("—", Cell(cut, "GAS-R32", key).TextContent.Trim()));
        Assert.Contains("scrm-pm-empty", Cell(cut, "GAS-R32", key).ClassName, StringComparison.Ordinal);
        Assert.Equal("1 cells without a price", cut.Find("[data-testid=missing-count]").TextContent.Trim());
        Assert.Equal("¥42.10", Cell(cut, "GAS-R32", key with { PartnerTypeId = key.PartnerTypeId - 1 }).QuerySelector(".scrm-pm-settle")!.TextContent);
    }

    [Fact]
    public async Task TextTypedAsAPrice_IsRefusedWithTheMessageAtTheCell()
    {
        var (id, _) = await DraftAsync();
        var key = await KeyAsync("AC-REPAIR", "A", "自营");
        var cut = RenderPage(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.WaitForAssertion(() => Assert.Equal("¥96.00", Cell(cut, "AC-REPAIR", key).QuerySelector(".scrm-pm-settle")!.TextContent));

        Cell(cut, "AC-REPAIR", key).QuerySelector(".scrm-pm-value")!.Click();
        cut.WaitForAssertion(() => Cell(cut, "AC-REPAIR", key).QuerySelector("input[data-testid=settle-input]")!.Input("abc"));
        Cell(cut, "AC-REPAIR", key).QuerySelector("button[data-testid=save-cell]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal("\"abc\" is not an amount: type a number such as 120 or 120.50.",
            Cell(cut, "AC-REPAIR", key).QuerySelector("[data-testid=cell-error]")!.TextContent.Trim()));
        Assert.Equal(new PricePair(96.00m, 153.60m), (await Services.GetRequiredService<PriceBookService>()
            .GetAsync(await TestApp.ActorAsync(Services, "admin"), id, Ct))!.Prices[key]);
    }

    [Fact]
    public async Task APublishedVersion_IsReadOnly_WithoutReviewButtons()
    {
        var published = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContext()
            .PriceBookVersions.Where(v => v.Number == 1).Select(v => v.Id).SingleAsync(Ct);
        var cut = RenderPage(published.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cut.WaitForAssertion(() => cut.Find("[data-testid=price-matrix]"));

        cut.FindAll("[data-testid=price-cell] .scrm-pm-value")[0].Click();

        Assert.Empty(cut.FindAll("[data-testid=cell-editor]"));
        Assert.Empty(cut.FindAll("[data-testid=approve]"));
        Assert.Empty(cut.FindAll("[data-testid=simulation]"));
        Assert.Contains("In force", cut.Find("[data-testid=in-force-chip]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("999999999")]
    [InlineData("99999999999999999999999")]
    public void AGarbageId_ShowsNotFound(string id)
    {
        var cut = RenderPage(id);

        cut.WaitForAssertion(() => Assert.Contains("This price book version does not exist", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage(string id) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<PriceBookPage>(3);
        builder.AddAttribute(4, nameof(PriceBookPage.Id), id);
        builder.CloseComponent();
    });

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut, string code, PriceKey key) =>
        cut.Find($"[data-testid=price-cell][data-key='{code}|{key.TierCode}|{key.PartnerTypeId}']");

    private async Task<(long Id, long Version)> DraftAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var draft = await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.State == PriceBookState.Draft, Ct);
        return (draft.Id, draft.Version);
    }

    private async Task<PriceKey> KeyAsync(string code, string tier, string partnerType)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var partnerTypeId = await db.PartnerTypes.Where(t => t.Name == partnerType).Select(t => t.Id).SingleAsync(Ct);
        var service = await db.ServiceItems.Where(i => i.Code == code).Select(i => (long?)i.Id).SingleOrDefaultAsync(Ct);
        var id = service ?? await db.SpareParts.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Ct);
        return new PriceKey(service is null ? PricedItemKind.Part : PricedItemKind.Service, id, tier, partnerTypeId);
    }
}
