using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Scrm.Domain.Common;
using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>
/// The person signed in to this circuit, as the <see cref="Actor"/> a page passes to the commands it runs. Only pages
/// and endpoints read it: feature services take the actor they are given, so jobs and imports can call them too.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public const string DisplayNameClaim = "scrm:display_name";

    /// <summary>The actor, or null when nobody is signed in.</summary>
    public async Task<Actor?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return FromPrincipal(state.User, ActorChannel.Web);
    }

    /// <summary>The actor; <see cref="ForbiddenException"/> when nobody is signed in.</summary>
    public async Task<Actor> RequireAsync() => await GetAsync() ?? throw new ForbiddenException();

    /// <summary>The actor a signed-in principal (the login cookie's claims) acts as through <paramref name="channel"/>.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal principal, ActorChannel channel)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (principal.Identity?.IsAuthenticated != true || id is null || !Enum.TryParse<Role>(role, out var parsed))
        {
            return null;
        }

        return new Actor(id, principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity.Name ?? id, parsed, channel,
            principal.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType));
    }
}

/// <summary>The role checks every feature service makes first, on the actor it was given.</summary>
public static class ActorChecks
{
    /// <summary>Returns the actor when they hold one of <paramref name="roles"/> (any role when none are given); otherwise <see cref="ForbiddenException"/>.</summary>
    public static Actor Require(this Actor actor, params Role[] roles)
    {
        if (actor.Role is not { } role || (roles.Length > 0 && !roles.Contains(role)))
        {
            throw new ForbiddenException();
        }

        return actor;
    }
}
