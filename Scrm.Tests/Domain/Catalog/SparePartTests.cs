using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain.Catalog;

public sealed class SparePartTests
{
    private readonly Warehouse _hangzhou = WarehouseWithId(1, "杭州仓");
    private readonly Warehouse _shanghai = WarehouseWithId(2, "上海仓");

    [Fact]
    public void New_HasNoStockAnywhere_AndIsNotLow()
    {
        var part = new SparePart("gas-r32", "冷媒 R32", "千克", 10m);

        Assert.Equal("GAS-R32", part.Code);
        Assert.Empty(part.Stock);
        Assert.Equal(0m, part.StockIn(_hangzhou.Id));
        // A warehouse that never held the part is not "low" on it: only stocked warehouses are watched.
        Assert.False(part.IsLowIn(_hangzhou.Id));
    }

    [Fact]
    public void AddAndTake_MoveStockPerWarehouse_AndRaiseOneEventEach()
    {
        var part = Saved(new SparePart("PIPE-CU", "铜管", "米", 50m));

        Assert.Equal(120.5m, part.AddStock(_hangzhou, 120.5m, "到货"));
        Assert.Equal(114m, part.TakeStock(_hangzhou, 6.5m, "GD-1 用料"));
        Assert.Equal(30m, part.AddStock(_shanghai, 30m, "到货"));

        Assert.Equal(114m, part.StockIn(_hangzhou.Id));
        Assert.Equal(30m, part.StockIn(_shanghai.Id));
        Assert.False(part.IsLowIn(_hangzhou.Id));
        Assert.True(part.IsLowIn(_shanghai.Id));
        var events = part.DomainEvents.Cast<StockChanged>().ToList();
        Assert.Equal([(1L, 120.5m, 120.5m, StockChangeKind.Added), (1L, -6.5m, 114m, StockChangeKind.Taken), (2L, 30m, 30m, StockChangeKind.Added)],
            events.Select(e => (e.WarehouseId, e.Change, e.QuantityAfter, e.Kind)));
        Assert.Equal("GD-1 用料", events[1].Reason);
    }

    [Fact]
    public void Take_MoreThanThereIs_IsRecorded_AndLeavesTheStockBelowZero()
    {
        var part = Saved(new SparePart("CAP-2UF", "风机电容", "个", 5m));
        part.AddStock(_hangzhou, 1m, "到货");

        // The part is already in the customer's machine: the record follows the fact (decision 0014).
        Assert.Equal(-2m, part.TakeStock(_hangzhou, 3m, "GD-2 用料"));

        Assert.Equal(-2m, part.StockIn(_hangzhou.Id));
        Assert.True(part.IsLowIn(_hangzhou.Id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.001")]
    public void AddAndTake_RefuseAQuantityThatIsNotPositiveWithTwoDecimals_AndChangeNothing(string text)
    {
        var quantity = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var part = Saved(new SparePart("GAS-R32", "冷媒 R32", "千克", 10m));
        part.AddStock(_hangzhou, 5m, "到货");
        part.TakeDomainEvents();

        Assert.Equal("Quantity", Assert.Throws<DomainException>(() => part.AddStock(_hangzhou, quantity, "到货")).Field);
        Assert.Equal("Quantity", Assert.Throws<DomainException>(() => part.TakeStock(_hangzhou, quantity, "用料")).Field);

        Assert.Equal(5m, part.StockIn(_hangzhou.Id));
        Assert.Empty(part.DomainEvents);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void AStockChange_WithoutAReason_IsRefused(string? reason)
    {
        var part = Saved(new SparePart("GAS-R32", "冷媒 R32", "千克", 10m));

        var error = Assert.Throws<DomainException>(() => part.AddStock(_hangzhou, 5m, reason));

        Assert.Equal(("Required", "Reason"), (error.Code, error.Field));
        Assert.Empty(part.Stock);
        Assert.Empty(part.DomainEvents);
    }

    [Fact]
    public void Count_SetsTheQuantity_AndRecordsTheDifference()
    {
        var part = Saved(new SparePart("WM-BELT", "洗衣机皮带", "条", 5m));
        part.AddStock(_shanghai, 14m, "到货");
        part.TakeDomainEvents();

        Assert.Equal(-11m, part.CountStock(_shanghai, 3m, "月度盘点"));

        Assert.Equal(3m, part.StockIn(_shanghai.Id));
        var counted = Assert.IsType<StockChanged>(Assert.Single(part.DomainEvents));
        Assert.Equal((-11m, 3m, StockChangeKind.Counted, "月度盘点"), (counted.Change, counted.QuantityAfter, counted.Kind, counted.Reason));
    }

    [Fact]
    public void Count_RefusesANegativeCount_AndACountThatChangesNothing()
    {
        var part = Saved(new SparePart("WM-BELT", "洗衣机皮带", "条", 5m));
        part.AddStock(_shanghai, 14m, "到货");
        part.TakeDomainEvents();

        Assert.Equal("QuantityNegative", Assert.Throws<DomainException>(() => part.CountStock(_shanghai, -1m, "盘点")).Code);
        Assert.Equal("StockUnchanged", Assert.Throws<DomainException>(() => part.CountStock(_shanghai, 14m, "盘点")).Code);

        Assert.Equal(14m, part.StockIn(_shanghai.Id));
        Assert.Empty(part.DomainEvents);
    }

    [Fact]
    public void Count_InAWarehouseThatNeverHeldThePart_StartsItsStock()
    {
        var part = Saved(new SparePart("WM-BELT", "洗衣机皮带", "条", 5m));

        Assert.Equal(8m, part.CountStock(_hangzhou, 8m, "盘点发现"));

        Assert.Equal(8m, part.StockIn(_hangzhou.Id));
        Assert.Equal("QuantityNegative", Assert.Throws<DomainException>(() => part.CountStock(_shanghai, -0.5m, "盘点")).Code);
    }

    [Fact]
    public void Threshold_IsAtOrBelow_AndMovesWithAnUpdate()
    {
        var part = Saved(new SparePart("CAP-35UF", "压缩机电容", "个", 20m));
        part.AddStock(_hangzhou, 20m, "到货");
        Assert.True(part.IsLowIn(_hangzhou.Id));

        Assert.True(part.Update("压缩机电容", "个", 19.99m));

        Assert.False(part.IsLowIn(_hangzhou.Id));
        Assert.False(part.Update("压缩机电容", "个", 19.99m));
    }

    [Theory]
    [InlineData("-1", "QuantityNegative")]
    [InlineData("2.555", "QuantityDecimals")]
    public void Update_RefusesABadThreshold_AndKeepsEverything(string text, string code)
    {
        var part = Saved(new SparePart("CAP-35UF", "压缩机电容", "个", 20m));

        var error = Assert.Throws<DomainException>(() => part.Update("新名称", "个", decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal((code, "LowStockThreshold"), (error.Code, error.Field));
        Assert.Equal(("压缩机电容", 20m), (part.Name, part.LowStockThreshold));
        Assert.Empty(part.DomainEvents);
    }

    private static SparePart Saved(SparePart part)
    {
        part.TakeDomainEvents();
        return part;
    }

    // Warehouses get their id from the database; stock is kept by that id.
    private static Warehouse WarehouseWithId(long id, string name)
    {
        var warehouse = new Warehouse(name);
        typeof(Warehouse).GetProperty(nameof(Warehouse.Id))!.SetValue(warehouse, id);
        return warehouse;
    }
}
