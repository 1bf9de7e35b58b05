using Scrm.Domain.Common;

namespace Scrm.Domain.Users;

/// <summary>合作类型: how a technician works with the company (自营 own staff, 加盟 franchise, 第三方 third party…). Prices differ by it.</summary>
public sealed class PartnerType : AggregateRoot
{
    public const int NameMaxLength = 20;

    private PartnerType() { }

    public PartnerType(string name, int sortOrder)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        SortOrder = sortOrder;
        Raise(new ReferenceDataChanged(this));
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }

    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new ReferenceDataChanged(this));
    }
}
