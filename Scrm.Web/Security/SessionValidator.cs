using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scrm.Data;

namespace Scrm.Web.Security;

/// <summary>
/// Whether a signed-in principal still matches the database: the login exists, its profile is active, the role claim
/// is the profile's role and the security stamp claim is the login's stamp. The login cookie (every request) and the
/// open circuits (<see cref="SessionRevalidatingAuthenticationStateProvider"/>) ask the same question here.
/// </summary>
/// <remarks>
/// Built on the plain context creator rather than the audited <see cref="IDbContextFactory{ScrmDbContext}"/>: that one
/// asks <see cref="CurrentUser"/> for the actor, which asks the authentication state provider, which asks this class.
/// The check only reads, so there is nothing to audit.
/// </remarks>
public sealed class SessionValidator(Func<ScrmDbContext> createDb, IOptions<IdentityOptions> identityOptions)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || userId is null)
        {
            return false;
        }

        await using var db = createDb();
        var current = await (
                from user in db.Users
                join profile in db.UserProfiles on user.Id equals profile.Id
                where user.Id == userId
                select new { user.SecurityStamp, profile.Role, profile.IsActive })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);

        return current is { IsActive: true }
            && principal.FindFirstValue(ClaimTypes.Role) == current.Role.ToString()
            && current.SecurityStamp is not null
            && principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) == current.SecurityStamp;
    }

    /// <summary>
    /// The login cookie's check on every request, in place of Identity's security stamp validator (which only looks
    /// every 30 minutes and knows nothing of the profile). A cookie whose role no longer matches is rejected rather than
    /// re-issued with the new role: an open circuit cannot receive a new cookie and signs out, so a request does the same,
    /// and the user's next sign-in picks up the new role from the profile.
    /// </summary>
    public static async Task RejectStaleCookieAsync(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (context.Principal is null || !await validator.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
