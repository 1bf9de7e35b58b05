using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Xunit;

namespace Scrm.Tests.Domain.Settlements;

public sealed class WorkLineTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void APartNeedsTheWarehouseItCameFrom()
    {
        var refused = Assert.Throws<DomainException>(() => WorkLine.Record(1, PricedItemKind.Part, 21, 2m, null, null, "tech-1", _time));

        Assert.Equal(("WarehouseRequired", "WarehouseId"), (refused.Code, refused.Field));
    }

    [Fact]
    public void AServiceKeepsNoWarehouse_AndRaisesWorkRecorded()
    {
        var line = WorkLine.Record(1, PricedItemKind.Service, 11, 1m, warehouseId: 3, "  ", "tech-1", _time);

        Assert.Null(line.WarehouseId);
        Assert.Null(line.Note);
        Assert.Equal(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), line.RecordedAt);
        Assert.IsType<WorkRecorded>(Assert.Single(line.DomainEvents));
    }

    [Theory]
    [InlineData(0, "QuantityNotPositive")]
    [InlineData(-1, "QuantityNotPositive")]
    [InlineData(1.255, "QuantityDecimals")]
    public void AQuantityMustBePositiveInHundredths(double quantity, string code)
    {
        var refused = Assert.Throws<DomainException>(() => WorkLine.Record(1, PricedItemKind.Service, 11, (decimal)quantity, null, null, "tech-1", _time));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void RemovingTwice_IsRefused()
    {
        var line = WorkLine.Record(1, PricedItemKind.Part, 21, 2m, 3, null, "tech-1", _time);
        line.Remove("agent-1", _time);

        var refused = Assert.Throws<DomainException>(() => line.Remove("agent-1", _time));

        Assert.True(line.IsRemoved);
        Assert.Equal("WorkLineRemoved", refused.Code);
    }
}
