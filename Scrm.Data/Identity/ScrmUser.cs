using Microsoft.AspNetCore.Identity;
using Scrm.Domain.Users;

namespace Scrm.Data.Identity;

/// <summary>The login. Everything the business knows about the person lives in <see cref="Domain.Users.UserProfile"/> (same Id).</summary>
public sealed class ScrmUser : IdentityUser
{
    /// <summary>Sign-in bookkeeping, like Identity's failed-attempt count: not a business change, so neither audited nor an event.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>
    /// A new login for a checked user name (<see cref="UserNames.Validate"/>), normalized as Identity looks names up, that
    /// locks after repeated failures, with <paramref name="password"/> hashed by <paramref name="hasher"/>.
    /// </summary>
    public static ScrmUser Create(string userName, string password, IPasswordHasher<ScrmUser> hasher)
    {
        var login = new ScrmUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = userName,
            NormalizedUserName = UserNames.Normalize(userName),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
        };
        login.PasswordHash = hasher.HashPassword(login, password);
        return login;
    }
}
