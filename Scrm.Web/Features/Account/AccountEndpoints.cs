using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
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

        // The signed-in language switch: it writes the profile, so a POST with an antiforgery token. A language switch
        // needs a new page load: a circuit keeps its culture.
        group.MapPost("/culture", async (HttpContext http, IAntiforgery antiforgery, AccountService accounts) =>
        {
            if (await ReadCheckedFormAsync(http, antiforgery) is not { } form || form["culture"].ToString() is not { } culture
                || !AccountService.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            WriteCultureCookie(http, culture);
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is { } actor)
            {
                await accounts.SaveCultureAsync(actor, culture, http.RequestAborted);
            }

            return Results.LocalRedirect("~" + LocalUrl.Sanitize(form["returnUrl"]));
        }).RequireAuthorization();

        MapPasswordChange(group);
    }

    /// <summary>
    /// The change-password form of My account and of the forced change. A form POST, not a circuit event: the user gets
    /// a new cookie. Errors go back as codes in the query (never the passwords); success lands on My account, which
    /// confirms it. Not at the page's own address: the page's endpoint takes POSTs too, and the match would be ambiguous.
    /// </summary>
    private static void MapPasswordChange(RouteGroupBuilder group) =>
        group.MapPost("/change-password", async (HttpContext http, IAntiforgery antiforgery, PasswordChange change) =>
        {
            if (await ReadCheckedFormAsync(http, antiforgery) is not { } form)
            {
                return Results.BadRequest();
            }

            var request = new ChangePasswordRequest(form["currentPassword"], form["newPassword"], form["confirmPassword"]);

            // A forced change stays on its page whatever the form says: every other page would send the user back.
            var page = PasswordChangeGate.MustChangePassword(http.User) || form["from"] == "password" ? PasswordChangeGate.PasswordPath : MyAccountPath;
            var errors = await change.ChangeAsync(http.User, request, http.RequestAborted);
            return errors.Count > 0
                ? Results.LocalRedirect($"~{page}?{string.Join("&", errors.Select(e => "error=" + e))}")
                : Results.LocalRedirect($"~{MyAccountPath}?changed=1");
        }).RequireAuthorization();

    /// <summary>
    /// The posted form once its antiforgery token checks out, else null. Checked here rather than through form-bound
    /// parameters: a failed automatic check marks the request, and the 400 page's re-execution then throws reading the form.
    /// </summary>
    private static async Task<IFormCollection?> ReadCheckedFormAsync(HttpContext http, IAntiforgery antiforgery) =>
        http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http)
            ? await http.Request.ReadFormAsync(http.RequestAborted)
            : null;

    public static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
}
