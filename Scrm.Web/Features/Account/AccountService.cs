using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Users;

namespace Scrm.Web.Features.Account;

/// <summary>The signed-in user's own settings.</summary>
public sealed class AccountService(IDbContextFactory<ScrmDbContext> dbFactory, UnitOfWork work)
{
    /// <summary>The remembered language of a user name as typed at sign-in: Identity matches names regardless of case, so does this.</summary>
    public async Task<string?> FindCultureAsync(string userName, CancellationToken ct = default)
    {
        // Identity's default normalizer upper-cases invariantly; NormalizedUserName has a unique index on both databases.
        var normalized = userName.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.NormalizedUserName == normalized)
            .Join(db.UserProfiles, u => u.Id, p => p.Id, (_, p) => p.Culture)
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Remembers the language on the user's profile, so it follows them to other devices.</summary>
    public Task SaveCultureAsync(Actor actor, string culture, CancellationToken ct = default) =>
        work.RunAsync(actor, async (db, token) =>
        {
            var profile = await db.UserProfiles.SingleOrDefaultAsync(p => p.Id == actor.UserId, token);
            if (profile is null || profile.Culture == culture)
            {
                return;
            }

            profile.ChooseCulture(culture);
            await db.SaveChangesAsync(token);
        }, ct);

    public static bool IsSupported(string? culture) => culture is not null && UserProfile.SupportedCultures.Contains(culture);
}
