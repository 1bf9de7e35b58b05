namespace Scrm.Web.Features.Account;

/// <summary>
/// Slows password guessing without letting anyone lock an account out. In any <see cref="Window"/>:
/// a client address gets <see cref="FailuresPerAddress"/> failed sign-ins for any names, and
/// <see cref="FailuresPerAccountFromOneAddress"/> for one name; past either, that address is refused with the ordinary
/// "wrong user name or password" message, so nobody learns whether a name exists or is throttled.
/// An account that has failed <see cref="FailuresBeforeSlowDown"/> times (from any number of addresses) is slowed down,
/// never refused: its owner, signing in from an address that has not failed, still gets in.
/// Counts live in memory (one app instance); a restart forgets them.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FailuresPerAddress = 10;
    public const int FailuresPerAccountFromOneAddress = 5;
    public const int FailuresBeforeSlowDown = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SlowDown = TimeSpan.FromSeconds(2);

    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = [];
    private readonly Lock _lock = new();

    public bool IsAllowed(string? address, string userName)
    {
        lock (_lock)
        {
            return Count(AddressKey(address)) < FailuresPerAddress
                && Count(PairKey(address, userName)) < FailuresPerAccountFromOneAddress;
        }
    }

    /// <summary>How long a sign-in for this account waits before its password is checked: zero until it is under attack.</summary>
    public TimeSpan DelayFor(string userName)
    {
        lock (_lock)
        {
            return Count(AccountKey(userName)) >= FailuresBeforeSlowDown ? SlowDown : TimeSpan.Zero;
        }
    }

    public Task SlowDownAsync(string userName, CancellationToken ct) =>
        DelayFor(userName) is { } delay && delay > TimeSpan.Zero ? Task.Delay(delay, time, ct) : Task.CompletedTask;

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
            Add(PairKey(address, userName), now);
            Add(AccountKey(userName), now);
        }
    }

    /// <summary>The right password ends the account's run of failures; the address keeps its count.</summary>
    public void RecordSuccess(string? address, string userName)
    {
        lock (_lock)
        {
            _failures.Remove(AccountKey(userName));
            _failures.Remove(PairKey(address, userName));
        }
    }

    private static string AddressKey(string? address) => "address:" + (address ?? "unknown");

    private static string AccountKey(string userName) => "account:" + userName.Trim().ToUpperInvariant();

    private static string PairKey(string? address, string userName) => AddressKey(address) + "|" + AccountKey(userName);

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
