using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;

namespace Scrm.Web.Features.Users;

/// <summary>
/// A user's audit trail, newest first. Link rows are recorded by the id they link to (a region, a skill, a partner type,
/// dated as "3 @ 2026-07-01"); here they read as the names an admin knows.
/// </summary>
internal static class UserHistoryQuery
{
    public const int MaxRows = 500;

    public static async Task<IReadOnlyList<UserHistoryRow>> RunAsync(ScrmDbContext db, string userId, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxRows).ToListAsync(ct);
        var names = await UserNamesLookup.LoadAsync(db, ct);
        return entries.Select(a => new UserHistoryRow(a.At, a.ActorId == Domain.Common.Actor.SystemId ? null : a.ActorName, a.EntityType, a.Action, a.Field,
            Name(names, a.EntityType, a.Before), Name(names, a.EntityType, a.After))).ToList();
    }

    private static string? Name(UserNamesLookup names, string entityType, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var (idText, date) = value.Split(" @ ", 2) is [var id, var on] ? (id, on) : (value, null);
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var linked))
        {
            return value;
        }

        var name = entityType switch
        {
            "UserRegion" => names.Region(linked),
            "UserSkill" => names.Skill(linked),
            "PartnerTypeChange" => names.PartnerType(linked),
            _ => null,
        };
        return name is null ? value : date is null ? name : $"{name} @ {date}";
    }
}
