using Scrm.Domain.Common;

namespace Scrm.Domain.Notifications;

/// <summary>
/// Which kinds of notification one user does not want. Only the muted kinds are stored, so every kind — including
/// those added in later versions — is on until the user turns it off.
/// </summary>
public sealed class NotificationPreferences : AggregateRoot
{
    private readonly List<MutedNotificationKind> _muted = [];

    private NotificationPreferences() { }

    /// <summary>A user's first choice: nothing muted yet.</summary>
    public NotificationPreferences(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";

    public IReadOnlyCollection<MutedNotificationKind> Muted => _muted;

    public bool Wants(NotificationKind kind) => _muted.All(m => m.Kind != kind);

    /// <summary>Mutes exactly <paramref name="muted"/> and turns every other kind on; choosing the same again changes nothing.</summary>
    public void Choose(IEnumerable<NotificationKind> muted)
    {
        var wanted = muted.ToHashSet();
        if (wanted.Any(k => !Enum.IsDefined(k)))
        {
            var unknown = wanted.First(k => !Enum.IsDefined(k));
            throw new DomainException("NotificationKindUnknown", $"There is no notification kind {unknown}.", unknown);
        }

        if (wanted.SetEquals(_muted.Select(m => m.Kind)))
        {
            return;
        }

        _muted.RemoveAll(m => !wanted.Contains(m.Kind));
        _muted.AddRange(wanted.Where(k => _muted.All(m => m.Kind != k)).Select(k => new MutedNotificationKind(k)));
        Raise(new NotificationPreferencesChanged(this));
    }
}

/// <summary>One kind of notification a user turned off.</summary>
public sealed class MutedNotificationKind
{
    private MutedNotificationKind() { }

    internal MutedNotificationKind(NotificationKind kind) => Kind = kind;

    public string UserId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
}

public sealed record NotificationPreferencesChanged(NotificationPreferences Preferences) : IDomainEvent;
