using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;

namespace Scrm.Web.Security;

/// <summary>
/// Whether a signed-in principal still matches the database: the login exists, its profile is active, the role claim
/// is the profile's role, the security stamp claim is the login's stamp and the forced-password-change claim is the
/// profile's flag. The login cookie (every request) and the
/// open circuits (<see cref="SessionRevalidatingAuthenticationStateProvider"/>) ask the same question here.
/// </summary>
public sealed class SessionValidator(IDbContextFactory<ScrmDbContext> dbFactory)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        // A session without a stamp was not issued by our sign-in.
        if (CurrentUser.FromPrincipal(principal, Domain.Common.ActorChannel.Web) is not { SessionStamp: not null } actor)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Sessions.IsCurrentAsync(db, actor, PasswordChangeGate.MustChangePassword(principal), ct);
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
