using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Identity;

namespace Scrm.Web.Features.Account;

/// <summary>How a sign-in ended; the login page words each in the user's language.</summary>
public enum SignInOutcome
{
    /// <summary>Wrong name or password, or a throttled address: one message, so none reveals which.</summary>
    Failed,
    LockedOut,
    Deactivated,
    SignedIn,
}

/// <param name="LockedUntil">When a locked account opens again (UTC).</param>
/// <param name="Culture">The signed-in user's remembered language.</param>
/// <param name="Role">The signed-in user's role: it picks the page they land on.</param>
public sealed record SignInAttempt(SignInOutcome Outcome, DateTime? LockedUntil = null, string? Culture = null, Scrm.Domain.Users.Role? Role = null);

/// <summary>
/// The password sign-in: the address throttle, then Identity's per-account lockout (in the database, so it holds across
/// app instances and an admin can lift it), then — only once the password was right — the profile, so a deactivated
/// user never gets a cookie and a stranger cannot learn that an account is deactivated.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ScrmUser> signIn, IDbContextFactory<ScrmDbContext> dbFactory, SignInThrottle throttle, TimeProvider time)
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<SignInAttempt> SignInAsync(string userName, string password, bool remember, string? address, CancellationToken ct = default)
    {
        if (!throttle.IsAllowed(address))
        {
            return new SignInAttempt(SignInOutcome.Failed);
        }

        var users = signIn.UserManager;
        if (await users.FindByNameAsync(userName) is not { } user)
        {
            throttle.RecordFailure(address);
            return new SignInAttempt(SignInOutcome.Failed);
        }

        // A locked account is refused before its password is checked, so the lock is no oracle for guesses.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            throttle.RecordFailure(address);
            return result.IsLockedOut
                ? new SignInAttempt(SignInOutcome.LockedOut, (user.LockoutEnd ?? time.GetUtcNow().Add(LockoutDuration)).UtcDateTime)
                : new SignInAttempt(SignInOutcome.Failed);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.UserProfiles.AsNoTracking().Where(p => p.Id == user.Id)
            .Select(p => new { p.IsActive, p.Culture, p.Role }).SingleOrDefaultAsync(ct);
        if (profile is not { IsActive: true })
        {
            return new SignInAttempt(SignInOutcome.Deactivated);
        }

        user.LastSignInAt = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, remember);
        return new SignInAttempt(SignInOutcome.SignedIn, Culture: profile.Culture, Role: profile.Role);
    }
}
