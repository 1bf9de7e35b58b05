using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Notifications;

/// <summary>The user's switches: every notification kind there is, on or off, and the version they were read at.</summary>
/// <param name="Version">0 while the user has never changed a switch.</param>
public sealed record NotificationChoices(long Version, IReadOnlyDictionary<NotificationKind, bool> Wanted);

/// <summary>Each signed-in user chooses which kinds of notification they get; only their own.</summary>
public sealed class NotificationPreferenceService(UnitOfWork work)
{
    /// <summary>Every kind the app knows, in the enum's order: a kind added later shows up here, switched on.</summary>
    public static IReadOnlyList<NotificationKind> AllKinds { get; } = Enum.GetValues<NotificationKind>();

    public Task<NotificationChoices> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var userId = actor.Require().UserId;
        return work.ReadAsync(async (db, token) =>
        {
            var preferences = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, token);
            return new NotificationChoices(preferences?.Version ?? 0, AllKinds.ToDictionary(k => k, k => preferences?.Wants(k) ?? true));
        }, ct);
    }

    /// <summary>
    /// Turns off exactly <paramref name="muted"/> and every other kind on, if the switches are still at
    /// <paramref name="expectedVersion"/> (another tab may have saved meanwhile). Returns the new version.
    /// </summary>
    public Task<long> SaveAsync(Actor actor, long expectedVersion, IReadOnlyCollection<NotificationKind> muted, CancellationToken ct = default)
    {
        var userId = actor.Require().UserId;
        return work.RunAsync(actor, async (db, token) =>
        {
            var preferences = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId, token);
            if ((preferences?.Version ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException();
            }

            if (preferences is null)
            {
                // Everything on is where a user without a row already is: nothing to store.
                if (muted.Count == 0)
                {
                    return 0L;
                }

                preferences = new NotificationPreferences(userId);
                db.NotificationPreferences.Add(preferences);
            }

            preferences.Choose(muted);
            // Two first saves at once both add the row: the second is told, like any other conflict.
            await db.SaveChangesOrConflictAsync(token, duplicate: () => new ConcurrencyConflictException());
            return preferences.Version;
        }, ct);
    }
}
