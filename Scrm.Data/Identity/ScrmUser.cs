using Microsoft.AspNetCore.Identity;

namespace Scrm.Data.Identity;

/// <summary>The login. Everything the business knows about the person lives in <see cref="Domain.Users.UserProfile"/> (same Id).</summary>
public sealed class ScrmUser : IdentityUser;
