using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain.Catalog;

public sealed class ServiceItemTests
{
    [Fact]
    public void New_NormalizesTheCode_TrimsTheText_StartsActive_AndRaisesAChange()
    {
        var item = new ServiceItem(" ac-move ", " 空调移机 ", " 空调 ", " 台 ");

        Assert.Equal(("AC-MOVE", "空调移机", "空调", "台"), (item.Code, item.Name, item.Category, item.Unit));
        Assert.True(item.IsActive);
        Assert.IsType<ServiceItemChanged>(Assert.Single(item.DomainEvents));
    }

    [Theory]
    [InlineData("", "空调", "台", "Name")]
    [InlineData("空调移机", " ", "台", "Category")]
    [InlineData("空调移机", "空调", null, "Unit")]
    public void New_RefusesAMissingField_NamingIt(string? name, string? category, string? unit, string field)
    {
        var error = Assert.Throws<DomainException>(() => new ServiceItem("AC-MOVE", name, category, unit));

        Assert.Equal("Required", error.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void New_RefusesANameOfMoreThan100Characters_CountedAsTheUserSeesThem()
    {
        // 100 characters outside the basic plane are 200 UTF-16 units, and still fit.
        Assert.Equal(100, Guard.VisibleLength(new ServiceItem("X", string.Concat(Enumerable.Repeat("𠀀", 100)), "空调", "台").Name));

        var error = Assert.Throws<DomainException>(() => new ServiceItem("X", new string('长', 101), "空调", "台"));

        Assert.Equal("TooLong", error.Code);
        Assert.Equal("Name", error.Field);
    }

    [Fact]
    public void Update_WithTheSameValues_ChangesNothing_AndRaisesNothing()
    {
        var item = Saved(new ServiceItem("AC-GAS", "空调加氟", "空调", "次"));

        Assert.False(item.Update("空调加氟 ", "空调", "次"));
        Assert.Empty(item.DomainEvents);

        Assert.True(item.Update("空调加氟（R32）", "空调", "次"));
        Assert.Equal("空调加氟（R32）", item.Name);
        Assert.IsType<ServiceItemChanged>(Assert.Single(item.DomainEvents));
    }

    [Fact]
    public void Update_WithABadValue_LeavesTheItemAsItWas()
    {
        var item = Saved(new ServiceItem("AC-GAS", "空调加氟", "空调", "次"));

        Assert.Throws<DomainException>(() => item.Update("新名称", "空调", ""));

        Assert.Equal("空调加氟", item.Name);
        Assert.Empty(item.DomainEvents);
    }

    [Fact]
    public void SetActive_RaisesOnlyWhenItChanges()
    {
        var item = Saved(new ServiceItem("AC-GAS", "空调加氟", "空调", "次"));

        Assert.False(item.SetActive(true));
        Assert.Empty(item.DomainEvents);
        item.Deactivate();
        Assert.False(item.IsActive);
        item.Reactivate();
        Assert.True(item.IsActive);
        Assert.Equal(2, item.DomainEvents.Count);
    }

    private static ServiceItem Saved(ServiceItem item)
    {
        item.TakeDomainEvents();
        return item;
    }
}
