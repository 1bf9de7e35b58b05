namespace Scrm.Web.Features.Account;

/// <summary>
/// Slows password guessing. In any <see cref="Window"/>, a client address gets <see cref="FailuresPerAddress"/> failed
/// sign-ins and a user name <see cref="FailuresPerAccount"/>; past either, sign-in is refused with the ordinary
/// "wrong user name or password" message, so nobody learns whether a name exists or is locked.
/// The address limit is the lower one: one client is stopped long before it could lock an account such as
/// <c>admin</c> out; locking an account takes several addresses within the window, and the lock lifts when it ends.
/// Counts live in memory (one app instance); a restart forgets them.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FailuresPerAddress = 10;
    public const int FailuresPerAccount = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = [];
    private readonly Lock _lock = new();

    public bool IsAllowed(string? address, string userName)
    {
        lock (_lock)
        {
            return Count(AddressKey(address)) < FailuresPerAddress && Count(AccountKey(userName)) < FailuresPerAccount;
        }
    }

    public void RecordFailure(string? address, string userName)
    {
        lock (_lock)
        {
            if (_failures.Count > SweepAbove)
            {
                Sweep();
            }

            var now = time.GetUtcNow();
            Add(AddressKey(address), now);
            Add(AccountKey(userName), now);
        }
    }

    /// <summary>The right password ends the account's run of failures; the address keeps its count.</summary>
    public void RecordSuccess(string userName)
    {
        lock (_lock)
        {
            _failures.Remove(AccountKey(userName));
        }
    }

    private static string AddressKey(string? address) => "address:" + (address ?? "unknown");

    private static string AccountKey(string userName) => "account:" + userName.Trim().ToUpperInvariant();

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return 0;
        }

        var since = time.GetUtcNow() - Window;
        while (failures.Count > 0 && failures.Peek() <= since)
        {
            failures.Dequeue();
        }

        return failures.Count;
    }

    private void Add(string key, DateTimeOffset at)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            _failures[key] = failures = new Queue<DateTimeOffset>();
        }

        failures.Enqueue(at);
    }

    // Names and addresses that stopped failing would otherwise stay in memory for good.
    private void Sweep()
    {
        foreach (var key in _failures.Keys.ToList())
        {
            if (Count(key) == 0)
            {
                _failures.Remove(key);
            }
        }
    }
}
