using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Scrm.Web.Security;

/// <summary>
/// A circuit lives for hours on the principal it started with; once a minute this asks <see cref="SessionValidator"/>
/// whether that principal is still current. When it is not (deactivated, role changed, signed out elsewhere), the
/// circuit turns anonymous and the router's <c>RedirectToLogin</c> takes over.
/// </summary>
/// <remarks>Not sealed so tests can reach the protected check through a subclass.</remarks>
public class SessionRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionValidator sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    // A user who must change their password never gets a circuit (PasswordChangeGate refuses the hub); should one
    // exist anyway, it is not usable.
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        !PasswordChangeGate.MustChangePassword(authenticationState.User)
        && await sessions.IsCurrentAsync(authenticationState.User, cancellationToken);
}
