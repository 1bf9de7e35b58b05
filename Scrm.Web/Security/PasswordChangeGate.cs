using System.Security.Claims;
using Microsoft.AspNetCore.StaticAssets;

namespace Scrm.Web.Security;

/// <summary>
/// A user whose password an admin reset must choose a new one before anything else. The sign-in puts
/// <see cref="ClaimType"/> in the cookie; this middleware is the one place that enforces it, for pages, endpoints and
/// the circuit hub alike (so no circuit can start either): everything but the change-password page and its POST,
/// sign-out and static files redirects to <see cref="PasswordPath"/>. <see cref="SessionValidator"/> ends sessions whose
/// claim no longer matches the profile, so a flag set after sign-in is picked up at the next sign-in.
/// </summary>
public static class PasswordChangeGate
{
    public const string ClaimType = "scrm:must_change_password";
    public const string PasswordPath = "/account/password";
    public const string ChangePasswordPath = "/account/change-password";
    private const string LogoutPath = "/account/logout";

    public static bool MustChangePassword(ClaimsPrincipal principal) => principal.HasClaim(ClaimType, "true");

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!MustChangePassword(context.User) || IsAllowed(context))
            {
                return next(context);
            }

            context.Response.Redirect(PasswordPath);
            return Task.CompletedTask;
        });

    private static bool IsAllowed(HttpContext context)
    {
        var path = context.Request.Path;
        return path.Equals(PasswordPath, StringComparison.OrdinalIgnoreCase)
            || path.Equals(ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
            || path.Equals(LogoutPath, StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
    }
}
