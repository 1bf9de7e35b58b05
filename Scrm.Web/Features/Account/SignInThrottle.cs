namespace Scrm.Web.Features.Account;

/// <summary>
/// Slows password guessing from one client address: past <see cref="FailuresPerAddress"/> failed sign-ins in any
/// <see cref="Window"/>, for any names, the address is refused with the ordinary "wrong user name or password" message.
/// Accounts themselves lock in the database (Identity's lockout, see <see cref="PasswordSignIn"/>); this keeps one
/// address from trying a few passwords on every account. Counts live in memory (one app instance); a restart forgets them.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FailuresPerAddress = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int SweepAbove = 10_000;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = [];
    private readonly Lock _lock = new();

    public bool IsAllowed(string? address)
    {
        lock (_lock)
        {
            return Count(Key(address)) < FailuresPerAddress;
        }
    }

    public void RecordFailure(string? address)
    {
        lock (_lock)
        {
            if (_failures.Count > SweepAbove)
            {
                Sweep();
            }

            var key = Key(address);
            if (!_failures.TryGetValue(key, out var failures))
            {
                _failures[key] = failures = new Queue<DateTimeOffset>();
            }

            failures.Enqueue(time.GetUtcNow());
        }
    }

    private static string Key(string? address) => address ?? "unknown";

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

    // Addresses that stopped failing would otherwise stay in memory for good.
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
