using Scrm.Domain.Common;

namespace Scrm.Domain.Catalog;

/// <summary>
/// 服务项目: one kind of work the company does and prices (空调安装, 加氟…). Once used it is deactivated, never deleted,
/// so tickets and settlements keep pointing at it.
/// </summary>
public sealed class ServiceItem : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int CategoryMaxLength = 30;
    public const int UnitMaxLength = 10;

    private ServiceItem() { }

    public ServiceItem(string? code, string? name, string? category, string? unit)
    {
        Code = CatalogCode.Normalize(code);
        SetDetails(name, category, unit);
        IsActive = true;
        Raise(new ServiceItemChanged(this));
    }

    public long Id { get; private set; }

    /// <summary>Unique, upper case; never changes (see <see cref="CatalogCode"/>).</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>空调, 冰箱, 洗衣机…: what the list groups and searches by.</summary>
    public string Category { get; private set; } = "";

    /// <summary>What one of it is: 台, 次, 套, 米.</summary>
    public string Unit { get; private set; } = "";

    /// <summary>Offered for new work; a deactivated item keeps its history.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Changes name, category and unit; returns whether anything changed (an import says how many did).</summary>
    public bool Update(string? name, string? category, string? unit)
    {
        var before = (Name, Category, Unit);
        SetDetails(name, category, unit);
        if (before == (Name, Category, Unit))
        {
            return false;
        }

        Raise(new ServiceItemChanged(this));
        return true;
    }

    public void Deactivate() => SetActive(false);

    public void Reactivate() => SetActive(true);

    /// <summary>Sets the active flag; returns whether it changed.</summary>
    public bool SetActive(bool active)
    {
        if (IsActive == active)
        {
            return false;
        }

        IsActive = active;
        Raise(new ServiceItemChanged(this));
        return true;
    }

    // Every value is checked before any is set: a refused edit leaves the item as it was.
    private void SetDetails(string? name, string? category, string? unit) =>
        (Name, Category, Unit) = (Guard.RequiredText(name, "Name", NameMaxLength), Guard.RequiredText(category, "Category", CategoryMaxLength),
            Guard.RequiredText(unit, "Unit", UnitMaxLength));
}

/// <summary>A service item was added, edited, deactivated or reactivated.</summary>
public sealed record ServiceItemChanged(ServiceItem Item) : IDomainEvent;
