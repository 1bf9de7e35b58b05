using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Scrm.Data.Identity;

namespace Scrm.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account");

        group.MapPost("/logout", async (SignInManager<ScrmUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        // A language switch needs a new page load: a Blazor circuit keeps the culture it started with.
        group.MapGet("/culture", async (HttpContext http, AccountService accounts, [FromQuery] string? culture, [FromQuery] string? returnUrl) =>
        {
            if (!AccountService.IsSupported(culture))
            {
                return Results.BadRequest("Unsupported language.");
            }

            WriteCultureCookie(http, culture!);
            if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await accounts.SaveCultureAsync(userId, culture!, http.RequestAborted);
            }

            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? "~" + returnUrl : "~/");
        }).AllowAnonymous();
    }

    public static void WriteCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
