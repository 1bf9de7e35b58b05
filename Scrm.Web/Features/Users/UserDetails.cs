using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Users;

/// <summary>One user for the user page: profile, login state, names of their regions, skills and partner types.</summary>
internal static class UserDetails
{
    public static async Task<UserDetail?> LoadAsync(ScrmDbContext db, string id, TimeProvider time, CancellationToken ct)
    {
        var profile = await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        var login = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.LockoutEnd, u.LastSignInAt }).SingleOrDefaultAsync(ct);
        if (profile is null || login is null)
        {
            return null;
        }

        var names = await UserNamesLookup.LoadAsync(db, ct);
        var openTickets = await db.Tickets.CountAsync(t => t.AssigneeId == id && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled, ct);
        return new UserDetail(profile.Id, profile.UserName, profile.DisplayName, profile.Phone, profile.WeComUserId, profile.Role,
            profile.IsActive, login.LockoutEnd > time.GetUtcNow(), profile.MustChangePassword, login.LastSignInAt,
            profile.Regions.Select(r => names.RegionChoice(r.RegionId)).OrderBy(r => r.Label, StringComparer.Ordinal).ToList(),
            profile.Skills.Select(s => new Choice(s.SkillTagId, names.Skill(s.SkillTagId))).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            profile.PartnerTypes.OrderBy(p => p.EffectiveFrom).Select(p => new PartnerTypeStep(p.PartnerTypeId, names.PartnerType(p.PartnerTypeId), p.EffectiveFrom)).ToList(),
            profile.PartnerTypeOn(ChinaTime.Today(time)), openTickets, profile.Version);
    }
}
