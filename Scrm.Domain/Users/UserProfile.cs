using Scrm.Domain.Common;

namespace Scrm.Domain.Users;

/// <summary>The business side of a user account: name, role, region and language. Its Id is the login's id.</summary>
public sealed class UserProfile : AggregateRoot
{
    public const int DisplayNameMaxLength = 50;
    public static readonly IReadOnlyList<string> SupportedCultures = ["zh-CN", "en"];

    private UserProfile() { }

    public UserProfile(string id, string userName, string displayName, Role role, long? regionId)
    {
        Id = id;
        UserName = userName;
        DisplayName = Guard.RequiredText(displayName, "DisplayName", DisplayNameMaxLength);
        Role = role;
        RegionId = regionId;
        Culture = "zh-CN";
        IsActive = true;
    }

    public string Id { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public Role Role { get; private set; }
    public long? RegionId { get; private set; }

    /// <summary>UI language, remembered across sessions and devices.</summary>
    public string Culture { get; private set; } = "zh-CN";

    public bool IsActive { get; private set; }

    /// <summary>For a customer's login: the customer record whose tickets they may read.</summary>
    public long? CustomerId { get; private set; }

    /// <summary>Links a customer's login to their customer record; staff accounts are never linked.</summary>
    public void LinkCustomer(long customerId)
    {
        if (Role != Role.Customer)
        {
            throw new DomainException("CustomerLinkNotCustomer", $"Only a customer's login can be linked to a customer ({UserName} is {Role}).", UserName, Role);
        }

        CustomerId = customerId;
    }

    public void ChooseCulture(string culture)
    {
        if (!SupportedCultures.Contains(culture))
        {
            throw new DomainException("CultureUnsupported", $"Language {culture} is not available.", culture);
        }

        Culture = culture;
    }
}
