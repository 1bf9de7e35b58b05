using Microsoft.AspNetCore.Identity;

namespace Scrm.Data.Identity;

/// <summary>The login. Everything the business knows about the person lives in <see cref="Domain.Users.UserProfile"/> (same Id).</summary>
public sealed class ScrmUser : IdentityUser
{
    /// <summary>Sign-in bookkeeping, like Identity's failed-attempt count: not a business change, so neither audited nor an event.</summary>
    public DateTime? LastSignInAt { get; set; }
}
