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
    }

    public static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
}
