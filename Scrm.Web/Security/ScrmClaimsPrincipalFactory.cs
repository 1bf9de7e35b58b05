using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scrm.Data;
using Scrm.Data.Identity;

namespace Scrm.Web.Security;

/// <summary>
/// Puts the profile's role and display name into the login cookie, so pages authorize without a query, and the
/// forced password change (<see cref="PasswordChangeGate"/>) when an admin reset the password.
/// </summary>
public sealed class ScrmClaimsPrincipalFactory(UserManager<ScrmUser> users, IOptions<IdentityOptions> options, IDbContextFactory<ScrmDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ScrmUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ScrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var profile = await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == user.Id);
        if (profile is { IsActive: true })
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, profile.Role.ToString()));
            identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, profile.DisplayName));
            if (profile.MustChangePassword)
            {
                identity.AddClaim(new Claim(PasswordChangeGate.ClaimType, "true"));
            }
        }

        return identity;
    }
}
