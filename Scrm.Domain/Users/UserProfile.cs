using Scrm.Domain.Common;

namespace Scrm.Domain.Users;

/// <summary>The business side of a user account: who they are, their role, regions, skills and partner type. Its Id is the login's id.</summary>
public sealed class UserProfile : AggregateRoot
{
    public const int DisplayNameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int WeComUserIdMaxLength = 64;
    public static readonly IReadOnlyList<string> SupportedCultures = ["zh-CN", "en"];

    private readonly List<UserRegion> _regions = [];
    private readonly List<UserSkill> _skills = [];
    private readonly List<PartnerTypeChange> _partnerTypes = [];

    private UserProfile() { }

    public UserProfile(string id, string userName, string displayName, Role role)
    {
        Id = id;
        UserName = UserNames.Validate(userName);
        DisplayName = Guard.RequiredText(displayName, "DisplayName", DisplayNameMaxLength);
        Role = role;
        Culture = "zh-CN";
        IsActive = true;
        Raise(new UserChanged(this));
    }

    public string Id { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Phone { get; private set; }

    /// <summary>The person's WeCom (企业微信) userid, for messages and the chat sidebar.</summary>
    public string? WeComUserId { get; private set; }

    public Role Role { get; private set; }

    /// <summary>UI language, remembered across sessions and devices.</summary>
    public string Culture { get; private set; } = "zh-CN";

    public bool IsActive { get; private set; }

    /// <summary>Set by an admin's password reset: the next sign-in must choose a new password before anything else.</summary>
    public bool MustChangePassword { get; private set; }

    /// <summary>For a customer's login: the customer record whose tickets they may read.</summary>
    public long? CustomerId { get; private set; }

    /// <summary>The regions (provinces or cities) whose tickets and customers the user works; none means all (the central desk).</summary>
    public IReadOnlyCollection<UserRegion> Regions => _regions;

    public IReadOnlyCollection<UserSkill> Skills => _skills;

    /// <summary>A technician's partner types over time, oldest first.</summary>
    public IReadOnlyCollection<PartnerTypeChange> PartnerTypes => _partnerTypes;

    /// <summary>
    /// Whether the user works in <paramref name="region"/>: central users (no regions) everywhere, others where one of
    /// their regions is the region itself or its province. Queries ask the same of the database (RegionScope).
    /// </summary>
    public bool WorksIn(Regions.Region region) =>
        _regions.Count == 0 || _regions.Any(r => r.RegionId == region.Id || r.RegionId == region.ParentId);

    /// <summary>The partner type in force on a China date; null before the first one (or for staff who have none).</summary>
    public long? PartnerTypeOn(DateOnly date) => EffectiveDates.AsOf(_partnerTypes, p => p.EffectiveFrom, date)?.PartnerTypeId;

    /// <summary>The partner type in force at a moment (UTC): the China date of that moment decides.</summary>
    public long? PartnerTypeAt(DateTime utc) => PartnerTypeOn(EffectiveDates.ChinaDate(utc));

    public void UpdateDetails(string displayName, string? phone, string? weComUserId)
    {
        DisplayName = Guard.RequiredText(displayName, "DisplayName", DisplayNameMaxLength);
        Phone = Guard.OptionalText(phone, "Phone", PhoneMaxLength);
        WeComUserId = Guard.OptionalText(weComUserId, "WeComUserId", WeComUserIdMaxLength);
        Raise(new UserChanged(this));
    }

    /// <summary>A new role; a technician must have a partner type first. The user's open sessions end (they carry the old role).</summary>
    public void ChangeRole(Role role)
    {
        if (role == Role.Customer || (Role == Role.Customer && role != Role.Customer))
        {
            throw new DomainException("RoleChangeCustomer", "A customer's login stays a customer's login; staff cannot become customers.") { Field = "Role" };
        }

        Role = role;
        EnsureComplete();
        Raise(new UserChanged(this));
    }

    /// <summary>Replaces the user's regions; an empty list makes them central (all regions).</summary>
    public void AssignRegions(IEnumerable<long> regionIds)
    {
        var wanted = regionIds.Distinct().ToHashSet();
        _regions.RemoveAll(r => !wanted.Contains(r.RegionId));
        _regions.AddRange(wanted.Where(id => _regions.All(r => r.RegionId != id)).Select(id => new UserRegion(id)));
        Raise(new UserChanged(this));
    }

    public void AssignSkills(IEnumerable<long> skillTagIds)
    {
        var wanted = skillTagIds.Distinct().ToHashSet();
        _skills.RemoveAll(s => !wanted.Contains(s.SkillTagId));
        _skills.AddRange(wanted.Where(id => _skills.All(s => s.SkillTagId != id)).Select(id => new UserSkill(id)));
        Raise(new UserChanged(this));
    }

    /// <summary>From <paramref name="effectiveFrom"/> the technician works as <paramref name="partnerType"/>; earlier work keeps its type.</summary>
    public void ChangePartnerType(PartnerType partnerType, DateOnly effectiveFrom)
    {
        EffectiveDates.EnsureAfter(_partnerTypes, p => p.EffectiveFrom, effectiveFrom, "PartnerTypeFrom");
        _partnerTypes.Add(new PartnerTypeChange(partnerType.Id, effectiveFrom));
        Raise(new UserChanged(this));
    }

    /// <summary>Refuses a profile its role cannot work with: a technician is paid by partner type, so must have one.</summary>
    public void EnsureComplete()
    {
        if (Role == Role.Technician && _partnerTypes.Count == 0)
        {
            throw new DomainException("TechnicianNeedsPartnerType", "A technician needs a partner type (自营, 加盟 or 第三方).") { Field = "PartnerTypeId" };
        }
    }

    /// <summary>Ends the user's access: they cannot sign in, and their open sessions end.</summary>
    public void Deactivate()
    {
        IsActive = false;
        Raise(new UserDeactivated(this));
    }

    public void Reactivate()
    {
        IsActive = true;
        Raise(new UserChanged(this));
    }

    /// <summary>An admin gave the user a temporary password: they must choose their own at the next sign-in.</summary>
    public void RequirePasswordChange()
    {
        MustChangePassword = true;
        Raise(new UserChanged(this));
    }

    public void PasswordChanged()
    {
        MustChangePassword = false;
        Raise(new UserChanged(this));
    }

    /// <summary>Links a customer's login to their customer record; staff accounts are never linked.</summary>
    public void LinkCustomer(long customerId)
    {
        if (Role != Role.Customer)
        {
            throw new DomainException("CustomerLinkNotCustomer", $"Only a customer's login can be linked to a customer ({UserName} is {Role}).", UserName, Role);
        }

        CustomerId = customerId;
        Raise(new UserChanged(this));
    }

    public void ChooseCulture(string culture)
    {
        if (!SupportedCultures.Contains(culture))
        {
            throw new DomainException("CultureUnsupported", $"Language {culture} is not available.", culture);
        }

        Culture = culture;
        Raise(new UserChanged(this));
    }
}

/// <summary>One region a user works.</summary>
public sealed class UserRegion
{
    private UserRegion() { }

    internal UserRegion(long regionId) => RegionId = regionId;

    public string UserId { get; private set; } = "";
    public long RegionId { get; private set; }
}

/// <summary>One skill a technician has.</summary>
public sealed class UserSkill
{
    private UserSkill() { }

    internal UserSkill(long skillTagId) => SkillTagId = skillTagId;

    public string UserId { get; private set; } = "";
    public long SkillTagId { get; private set; }
}

/// <summary>From <see cref="EffectiveFrom"/> (a China date) the technician works as <see cref="PartnerTypeId"/>.</summary>
public sealed class PartnerTypeChange
{
    private PartnerTypeChange() { }

    internal PartnerTypeChange(long partnerTypeId, DateOnly effectiveFrom)
    {
        PartnerTypeId = partnerTypeId;
        EffectiveFrom = effectiveFrom;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public long PartnerTypeId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
}

/// <summary>A user's profile changed (details, role, regions, skills, partner type, password state, language).</summary>
public sealed record UserChanged(UserProfile User) : IDomainEvent;

/// <summary>A user was deactivated: their sessions must end.</summary>
public sealed record UserDeactivated(UserProfile User) : IDomainEvent;
