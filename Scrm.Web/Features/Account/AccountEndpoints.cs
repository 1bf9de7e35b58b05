using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Account;

public static class AccountEndpoints
{
    public const string MyAccountPath = "/account";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account");

        // Minimal APIs check antiforgery only for form-bound parameters; logout has none, so it checks itself.
        group.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<ScrmUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            // A new stamp makes every copy of this user's cookie, and their other open circuits, stale (SessionValidator).
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        });

        // The signed-in language switch: it writes the profile, so a POST with an antiforgery token (checked because
        // the parameters are form-bound). A language switch needs a new page load: a circuit keeps its culture.
        group.MapPost("/culture", async (HttpContext http, AccountService accounts, [FromForm] string? culture, [FromForm] string? returnUrl) =>
        {
            if (!AccountService.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            WriteCultureCookie(http, culture!);
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is { } actor)
            {
                await accounts.SaveCultureAsync(actor, culture!, http.RequestAborted);
            }

            return Results.LocalRedirect("~" + LocalUrl.Sanitize(returnUrl));
        }).RequireAuthorization();

        MapPasswordChange(group);
    }

    /// <summary>
    /// The change-password form of My account and of the forced change. A form POST with an antiforgery token (checked
    /// because the fields are form-bound), not a circuit event: the user gets a new cookie. Errors go back as codes in
    /// the query (never the passwords); success lands on My account, which confirms it.
    /// </summary>
    private static void MapPasswordChange(RouteGroupBuilder group) =>
        group.MapPost("/password", async (HttpContext http, PasswordChange change,
            [FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword, [FromForm] string? from) =>
        {
            // A forced change stays on its page whatever the form says: every other page would send the user back.
            var page = PasswordChangeGate.MustChangePassword(http.User) || from == "password" ? PasswordChangeGate.PasswordPath : MyAccountPath;
            var errors = await change.ChangeAsync(http.User, new ChangePasswordRequest(currentPassword, newPassword, confirmPassword), http.RequestAborted);
            return errors.Count > 0
                ? Results.LocalRedirect($"~{page}?{string.Join("&", errors.Select(e => "error=" + e))}")
                : Results.LocalRedirect($"~{MyAccountPath}?changed=1");
        }).RequireAuthorization();

    public static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
}
