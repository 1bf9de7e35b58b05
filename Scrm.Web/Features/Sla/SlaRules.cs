using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Sla;

/// <summary>What every SLA clock reads: the company's calendar, the statuses that wait on the customer, and the policies.</summary>
public sealed class SlaRules(BusinessCalendar calendar, IReadOnlySet<TicketStatus> waitingStatuses, IReadOnlyList<SlaPolicy> policies)
{
    private readonly Dictionary<(long TemplateId, Urgency Urgency), SlaPolicy> _byKey = policies.ToDictionary(p => (p.TemplateId, p.Urgency));

    public BusinessCalendar Calendar { get; } = calendar;
    public IReadOnlySet<TicketStatus> WaitingStatuses { get; } = waitingStatuses;
    public IReadOnlyList<SlaPolicy> Policies { get; } = policies;

    public SlaPolicy? PolicyFor(long templateId, Urgency urgency) => _byKey.GetValueOrDefault((templateId, urgency));
}

/// <summary>
/// The SLA rules, read once and kept until an admin changes them (a committed <see cref="ChangeKinds.Sla"/> change drops
/// them). With several instances the same caveat as <see cref="Templates.TemplateCache"/> holds until the Redis backplane.
/// </summary>
public sealed class SlaRulesCache : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private SlaRules? _rules;
    private long _invalidations;

    public SlaRulesCache(IChangeFeed changes) => _subscription = changes.Subscribe(OnChanges);

    /// <summary>The rules; a company that never saved its settings runs on <see cref="SlaSettings.Default"/>. Read-only: shared.</summary>
    public async Task<SlaRules> GetAsync(ScrmDbContext db, CancellationToken ct)
    {
        if (Volatile.Read(ref _rules) is { } cached)
        {
            return cached;
        }

        var before = Interlocked.Read(ref _invalidations);
        var settings = await db.SlaSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? SlaSettings.Default();
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        var rules = new SlaRules(settings.Calendar(), settings.WaitingStatuses, policies);
        lock (_gate)
        {
            // A change committed while we read would otherwise be overwritten by what we read before it.
            if (before == _invalidations)
            {
                _rules = rules;
            }
        }

        return rules;
    }

    private void OnChanges(IReadOnlyList<Change> changes)
    {
        if (changes.Any(c => c.Kind == ChangeKinds.Sla))
        {
            lock (_gate)
            {
                _invalidations++;
                _rules = null;
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
