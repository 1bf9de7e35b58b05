using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Users;

namespace Scrm.Web.Features.Account;

/// <summary>The signed-in user's own settings.</summary>
public sealed class AccountService(IDbContextFactory<ScrmDbContext> dbFactory)
{
    public async Task<string?> FindCultureAsync(string userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserProfiles.Where(p => p.UserName == userName).Select(p => p.Culture).SingleOrDefaultAsync(ct);
    }

    /// <summary>Remembers the language on the user's profile, so it follows them to other devices.</summary>
    public async Task SaveCultureAsync(string userId, string culture, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.UserProfiles.SingleOrDefaultAsync(p => p.Id == userId, ct);
        if (profile is null || profile.Culture == culture)
        {
            return;
        }

        profile.ChooseCulture(culture);
        db.Actor = new Data.Auditing.AuditActor(profile.Id, profile.DisplayName);
        await db.SaveChangesAsync(ct);
    }

    public static bool IsSupported(string? culture) => culture is not null && UserProfile.SupportedCultures.Contains(culture);
}
