using Scrm.Domain.Auditing;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Web.Features.Users;

/// <summary>What the users page asks for: search, filters, sort and page. All optional.</summary>
public sealed record UserQuery
{
    public const int MaxPageSize = 100;

    /// <summary>Part of a display name, user name or phone, in any case.</summary>
    public string? Search { get; init; }

    public Role? Role { get; init; }

    /// <summary>True: active users only; false: deactivated only; null: both.</summary>
    public bool? Active { get; init; }

    public UserSort SortBy { get; init; } = UserSort.DisplayName;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

public enum UserSort
{
    DisplayName,
    UserName,
    Role,
    IsActive,
    LastSignInAt,
}

public sealed record UserRow(string Id, string DisplayName, string UserName, Role Role, IReadOnlyList<string> Regions,
    string? PartnerType, IReadOnlyList<string> Skills, bool IsActive, bool IsLocked, DateTime? LastSignInAt);

public sealed record PagedUsers(IReadOnlyList<UserRow> Items, int Total);

/// <summary>One user as the user page shows them, with the version edits must name.</summary>
public sealed record UserDetail(string Id, string UserName, string DisplayName, string? Phone, string? WeComUserId, Role Role,
    bool IsActive, bool IsLocked, bool MustChangePassword, DateTime? LastSignInAt, IReadOnlyList<RegionChoice> Regions,
    IReadOnlyList<Choice> Skills, IReadOnlyList<PartnerTypeStep> PartnerTypes, long? PartnerTypeToday, int OpenTickets, long Version);

public sealed record Choice(long Id, string Name);

/// <summary>A province or city to pick; <see cref="Label"/> reads "省 / 市" for a city.</summary>
public sealed record RegionChoice(long Id, string Label, bool IsProvince);

public sealed record PartnerTypeStep(long PartnerTypeId, string Name, DateOnly EffectiveFrom);

/// <summary>What the user dialog offers: regions, skills and partner types, and today's China date.</summary>
public sealed record UserFormChoices(IReadOnlyList<RegionChoice> Regions, IReadOnlyList<Choice> Skills, IReadOnlyList<Choice> PartnerTypes, DateOnly Today);

/// <summary>The create / edit form. For an edit, <see cref="Version"/> is the profile's version when it was loaded.</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Phone { get; set; }
    public string? WeComUserId { get; set; }
    public Role Role { get; set; } = Role.Agent;
    public IReadOnlyCollection<long> RegionIds { get; set; } = [];
    public IReadOnlyCollection<long> SkillIds { get; set; } = [];

    /// <summary>For a technician: the partner type from <see cref="PartnerTypeFrom"/> on. On an edit, a type other than the latest one starts a new period.</summary>
    public long? PartnerTypeId { get; set; }

    /// <summary>China date; today when left empty.</summary>
    public DateOnly? PartnerTypeFrom { get; set; }

    public long Version { get; set; }

    public static UserForm Edit(UserDetail user) => new()
    {
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Phone = user.Phone,
        WeComUserId = user.WeComUserId,
        Role = user.Role,
        RegionIds = user.Regions.Select(r => r.Id).ToList(),
        SkillIds = user.Skills.Select(s => s.Id).ToList(),
        PartnerTypeId = user.PartnerTypes.Count > 0 ? user.PartnerTypes[^1].PartnerTypeId : null,
        Version = user.Version,
    };
}

/// <summary>A new login: its id and the temporary password, shown to the admin once and stored only as a hash.</summary>
public sealed record CreatedUser(string Id, string UserName, string TemporaryPassword);

/// <summary>A password reset's result: the new version and the temporary password, shown once.</summary>
public sealed record PasswordReset(long Version, string TemporaryPassword);

public sealed record OpenTicketRow(long Id, string Number, string Title, TicketStatus Status, string? RegionName);

/// <summary>One audit row of a user, with linked ids already turned into names.</summary>
public sealed record UserHistoryRow(DateTime At, string? ActorName, string EntityType, AuditAction Action, string? Field, string? Before, string? After);
