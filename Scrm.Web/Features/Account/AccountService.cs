using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Account;

/// <summary>What My account shows: who the user is and where they work.</summary>
/// <param name="Regions">Region names, a city after its province (<c>浙江省 · 杭州</c>); empty for the central desk.</param>
public sealed record MyAccount(string DisplayName, string UserName, Role Role, IReadOnlyList<string> Regions, string Culture);

/// <summary>The signed-in user's own settings.</summary>
public sealed class AccountService(IDbContextFactory<ScrmDbContext> dbFactory, UnitOfWork work)
{
    /// <summary>The remembered language of a user name as typed at sign-in, found the way Identity finds the login.</summary>
    public async Task<string?> FindCultureAsync(string userName, CancellationToken ct = default)
    {
        // The same normalization as the login's NormalizedUserName (UserNameNormalizer), which is unique on both databases.
        var normalized = UserNames.Normalize(userName);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.NormalizedUserName == normalized)
            .Join(db.UserProfiles, u => u.Id, p => p.Id, (_, p) => p.Culture)
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The signed-in user's own account, or null when their profile is gone.</summary>
    public Task<MyAccount?> GetMyAccountAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require();
        return work.ReadAsync(async (db, token) =>
        {
            if (await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == actor.UserId, token) is not { } profile)
            {
                return null;
            }

            var ids = profile.Regions.Select(r => r.RegionId).ToList();
            var regions = await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Name, Province = db.Regions.Where(p => p.Id == r.ParentId).Select(p => p.Name).FirstOrDefault() })
                .ToListAsync(token);
            var names = regions.Select(r => r.Province is null ? r.Name : $"{r.Province} · {r.Name}").Order(StringComparer.Ordinal).ToList();
            return new MyAccount(profile.DisplayName, profile.UserName, profile.Role, names, profile.Culture);
        }, ct);
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

    /// <summary>
    /// Stores the user's new password (already checked against the policy and hashed) and clears a forced change, in one
    /// transaction so neither happens without the other; the profile change is audited. The login gets a new security
    /// stamp: the user's other sessions end on purpose, and the caller re-issues this one.
    /// </summary>
    public Task ChangePasswordAsync(Actor actor, string passwordHash, CancellationToken ct = default)
    {
        actor.Require();
        return work.RunAsync(actor, async (db, token) =>
        {
            var login = await db.Users.SingleAsync(u => u.Id == actor.UserId, token);
            var profile = await db.UserProfiles.SingleAsync(p => p.Id == actor.UserId, token);
            login.PasswordHash = passwordHash;
            login.SecurityStamp = Guid.NewGuid().ToString("N");
            login.ConcurrencyStamp = Guid.NewGuid().ToString();
            profile.PasswordChanged();
            await db.SaveChangesAsync(token);
        }, ct);
    }

    public static bool IsSupported(string? culture) => culture is not null && UserProfile.SupportedCultures.Contains(culture);
}
