using Scrm.Domain.Common;

namespace Scrm.Domain.Customers;

public enum CustomerLevel
{
    Standard,
    Vip,
    Key,
}

/// <summary>客户: a person or company the tickets are for.</summary>
public sealed class Customer : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 200;

    private Customer() { }

    public Customer(string name, string? phone, string? address, long? regionId, CustomerLevel level)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Phone = Guard.OptionalText(phone, "Phone", PhoneMaxLength);
        Address = Guard.OptionalText(address, "Address", AddressMaxLength);
        RegionId = regionId;
        Level = level;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Address { get; private set; }
    public long? RegionId { get; private set; }
    public CustomerLevel Level { get; private set; }

    /// <summary>Points the customer at another region (its city was merged into that one).</summary>
    public void MoveToRegion(long regionId) => RegionId = regionId;
}
