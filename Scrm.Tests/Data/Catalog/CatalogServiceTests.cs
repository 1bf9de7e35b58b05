using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Tests.Web;
using Scrm.Web.Features.Catalog;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Catalog;

/// <summary>
/// The catalog commands on the migrated demo company (real SQLite): unique codes, versions, roles, stocktakes with
/// their history, and the low-stock list. The class shares one database; each test works on its own codes.
/// </summary>
public sealed class CatalogServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceItemService Items => app.Services.GetRequiredService<ServiceItemService>();
    private SparePartService Parts => app.Services.GetRequiredService<SparePartService>();

    [Fact]
    public async Task Create_WithACodeInUse_InAnyCase_IsRefusedBesideTheCode()
    {
        var admin = await app.ActorAsync("admin");

        var error = await Assert.ThrowsAsync<DomainException>(() => Items.CreateAsync(admin, new ServiceItemForm { Code = " ac-gas ", Name = "重复", Category = "空调", Unit = "次" }, Ct));

        Assert.Equal(("CatalogCodeTaken", "Code"), (error.Code, error.Field));
        Assert.Equal(new object[] { "AC-GAS" }, error.Args);
    }

    [Fact]
    public async Task TheDatabase_RefusesADuplicateCode_EvenWhenTheCheckIsSkipped()
    {
        await using var db = await DbAsync();
        db.SpareParts.Add(new SparePart("CAP-35UF", "绕过检查", "个", 0));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.True(Scrm.Data.Providers.DatabaseProvider.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Edit_OnAStaleVersion_IsAConflict_AndKeepsTheOtherAdminsChange()
    {
        var admin = await app.ActorAsync("admin");
        var id = await Items.CreateAsync(admin, new ServiceItemForm { Code = "SVC-EDIT", Name = "原名", Category = "空调", Unit = "台" }, Ct);
        var seen = await RowAsync("SVC-EDIT");

        var first = ServiceItemForm.Edit(seen);
        first.Name = "第一位管理员";
        var version = await Items.EditAsync(admin, id, first, Ct);
        var stale = ServiceItemForm.Edit(seen);
        stale.Name = "第二位管理员";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Items.EditAsync(admin, id, stale, Ct));
        var stored = await RowAsync("SVC-EDIT");
        Assert.Equal(("第一位管理员", version), (stored.Name, stored.Version));
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Deactivate_KeepsTheItem_AndTheListFiltersByStatus()
    {
        var admin = await app.ActorAsync("admin");
        var hood = await RowAsync("HOOD-INSTALL");

        await Items.SetActiveAsync(admin, hood.Id, hood.Version, active: false, Ct);

        var inactive = await Items.ListAsync(admin, new CatalogQuery { Active = false, Search = "hood" }, Ct);
        Assert.Equal(["HOOD-INSTALL"], inactive.Items.Select(i => i.Code));
        Assert.Empty((await Items.ListAsync(admin, new CatalogQuery { Active = true, Search = "油烟机" }, Ct)).Items);
    }

    [Fact]
    public async Task Search_MatchesCodeNameOrCategory_AndPagesInSql()
    {
        var admin = await app.ActorAsync("admin");

        var page = await Items.ListAsync(admin, new CatalogQuery { Search = "洗衣机", PageSize = 2, Page = 1 }, Ct);

        // 洗衣机安装, 洗衣机维修, 洗衣机清洗 by category, sorted by code: WM-CLEAN, WM-INSTALL, WM-REPAIR.
        Assert.Equal(3, page.Total);
        Assert.Equal(["WM-REPAIR"], page.Items.Select(i => i.Code));
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("agent")]
    [InlineData("finance")]
    public async Task OnlyAnAdmin_ListsOrChangesTheCatalogs(string userName)
    {
        var user = await app.ActorAsync(userName);

        await Assert.ThrowsAsync<ForbiddenException>(() => Items.ListAsync(user, new CatalogQuery(), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Parts.CreateAsync(user, new SparePartForm { Code = "NOPE", Name = "不行", Unit = "个" }, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Parts.CountStockAsync(user, 1, new StockCountForm { WarehouseId = 1, Counted = 1, Reason = "x", Version = 1 }, Ct));
    }

    [Fact]
    public async Task LowStock_ListsTheDemoPartsAtOrBelowTheirThreshold_LowestFirst_ForAdminsAndSupervisors()
    {
        var supervisor = await app.ActorAsync("supervisor");

        var low = await Parts.LowStockAsync(supervisor, ct: Ct);

        Assert.Equal(
        [
            ("WM-BELT", "上海仓", 3m, 5m),
            ("GAS-R32", "上海仓", 6.7m, 10m),
            ("CAP-2UF", "上海仓", 10m, 20m),
            ("PIPE-CU-6-10", "宁波仓", 42m, 50m),
        ], low.Rows.Select(r => (r.Code, r.Warehouse, r.Quantity, r.Threshold)));
        Assert.Equal(4, low.Total);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Parts.LowStockAsync(await app.ActorAsync("agent"), ct: Ct));
    }

    [Fact]
    public async Task Count_SetsTheStock_WritesItsHistoryLine_AndAStaleCountIsRefused()
    {
        var admin = await app.ActorAsync("admin");
        var part = await PartAsync("WH-ANODE");
        var hangzhou = await WarehouseIdAsync("杭州仓");
        var form = new StockCountForm { WarehouseId = hangzhou, Counted = 27.5m, Reason = "月度盘点", Version = part.Version };

        var version = await Parts.CountStockAsync(admin, part.Id, form, Ct);

        var stored = await PartAsync("WH-ANODE");
        Assert.Equal((27.5m, version), (stored.StockIn(hangzhou), stored.Version));
        var line = Assert.Single(await Parts.HistoryAsync(admin, part.Id, ct: Ct));
        Assert.Equal(("杭州仓", -2.5m, 27.5m, "Counted", "月度盘点", "王磊"), (line.Warehouse, line.Change, line.QuantityAfter, line.Kind, line.Reason, line.ActorName));

        form.Counted = 26m; // still the version before the first count
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Parts.CountStockAsync(admin, part.Id, form, Ct));
        Assert.Equal(27.5m, (await PartAsync("WH-ANODE")).StockIn(hangzhou));
    }

    [Fact]
    public async Task Count_InAWarehouseThatDoesNotExist_IsRefusedBesideTheWarehouse()
    {
        var admin = await app.ActorAsync("admin");
        var part = await PartAsync("WM-VALVE");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Parts.CountStockAsync(admin, part.Id, new StockCountForm { WarehouseId = 999, Counted = 1, Reason = "伪造", Version = part.Version }, Ct));

        Assert.Equal(("WarehouseNotFound", "WarehouseId"), (error.Code, error.Field));
        Assert.Equal(part.Version, (await PartAsync("WM-VALVE")).Version);
    }

    private async Task<Scrm.Data.ScrmDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<Scrm.Data.ScrmDbContext>>().CreateDbContextAsync(Ct);

    private async Task<ServiceItemRow> RowAsync(string code) =>
        (await Items.ListAsync(await app.ActorAsync("admin"), new CatalogQuery { Search = code }, Ct)).Items.Single(i => i.Code == code);

    private async Task<SparePart> PartAsync(string code)
    {
        await using var db = await DbAsync();
        return await db.SpareParts.AsNoTracking().SingleAsync(p => p.Code == code, Ct);
    }

    private async Task<long> WarehouseIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Warehouses.Where(w => w.Name == name).Select(w => w.Id).SingleAsync(Ct);
    }
}
