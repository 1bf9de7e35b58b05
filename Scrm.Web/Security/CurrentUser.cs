using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Scrm.Data.Auditing;
using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>The signed-in user of this circuit or request, as data-changing handlers need them.</summary>
public sealed record UserContext(string Id, string DisplayName, Role Role);

/// <summary>
/// Feature services call <see cref="RequireAsync"/> at the top of every handler: interactive events arrive over the
/// circuit, not through a controller, so each one re-checks the role on the server.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication) : IAuditActorAccessor
{
    public const string DisplayNameClaim = "scrm:display_name";

    private UserContext? _user;

    public AuditActor Actor => _user is null ? AuditActor.System : new AuditActor(_user.Id, _user.DisplayName);

    /// <summary>The user, or null when nobody is signed in.</summary>
    public async Task<UserContext?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        _user = FromPrincipal(state.User);
        return _user;
    }

    /// <summary>The user if they hold one of <paramref name="roles"/>; otherwise <see cref="ForbiddenException"/>.</summary>
    public async Task<UserContext> RequireAsync(params Role[] roles)
    {
        var user = await GetAsync() ?? throw new ForbiddenException();
        if (roles.Length > 0 && !roles.Contains(user.Role))
        {
            throw new ForbiddenException();
        }

        return user;
    }

    public static UserContext? FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (principal.Identity?.IsAuthenticated != true || id is null || !Enum.TryParse<Role>(role, out var parsed))
        {
            return null;
        }

        return new UserContext(id, principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity.Name ?? id, parsed);
    }
}
