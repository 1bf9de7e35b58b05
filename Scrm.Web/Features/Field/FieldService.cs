using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Field;

/// <summary>
/// The technician's phone pages: their open jobs, one job, their earnings. Everything is read for the signed-in
/// technician only — there is no parameter naming another person, so there is nothing to tamper with.
/// </summary>
public sealed class FieldService(UnitOfWork work, TicketService tickets, SlaReader sla, TimeProvider time)
{
    private static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.OnHold];

    /// <summary>My open jobs, most urgent first, then the one whose SLA falls due first (tickets carry no appointment time).</summary>
    public Task<IReadOnlyList<JobCard>> JobsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Technician);
        return work.ReadAsync<IReadOnlyList<JobCard>>(async (db, token) =>
        {
            var rows = await db.Tickets.AsNoTracking().Where(t => t.AssigneeId == actor.UserId && Open.Contains(t.Status))
                .Select(t => new
                {
                    t.Id, t.Number, t.Title, t.Urgency, t.Status, t.CreatedAt,
                    Customer = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => new { c.Name, c.Address }).FirstOrDefault(),
                    Region = db.Regions.Where(r => r.Id == t.RegionId).Select(r => r.Name).FirstOrDefault(),
                })
                .ToListAsync(token);
            var states = await sla.GoverningAsync(db, rows.Select(r => r.Id).ToList(), token);
            return rows
                .Select(r => new JobCard(r.Id, r.Number, r.Title, r.Urgency, r.Status, r.Customer?.Name,
                    r.Customer?.Address ?? r.Region, states.GetValueOrDefault(r.Id)))
                .OrderBy(j => j.Urgency)
                .ThenBy(j => j.Sla?.DueUtc ?? DateTime.MaxValue)
                .ThenBy(j => j.Id)
                .ToList();
        }, ct);
    }

    /// <summary>One of my jobs; null when it does not exist or is not mine (another technician's job is never shown).</summary>
    public async Task<JobView?> JobAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        actor.Require(Role.Technician);
        TicketView? ticket;
        try
        {
            ticket = await tickets.GetAsync(actor, ticketId, ct);
        }
        catch (ForbiddenException)
        {
            return null;
        }

        if (ticket is not { Access: TicketAccess.Work } || ticket.AssigneeId != actor.UserId)
        {
            return null;
        }

        var address = await work.ReadAsync((db, token) => db.Customers.AsNoTracking()
            .Where(c => c.Id == ticket.CustomerId).Select(c => c.Address).FirstOrDefaultAsync(token), ct);
        return new JobView(ticket, address ?? ticket.RegionName);
    }

    /// <summary>My ledger since the start of last month (China time): totals for today, this month and last month, and per ticket.</summary>
    public Task<EarningsView> EarningsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Technician);
        var today = ChinaTime.Today(time);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var since = ChinaTime.ToUtc(lastMonth.ToDateTime(TimeOnly.MinValue));
        return work.ReadAsync(async (db, token) =>
        {
            var entries = await db.EarningsEntries.AsNoTracking().Where(e => e.PayeeId == actor.UserId && e.PostedAt >= since)
                .Select(e => new { e.Id, e.TicketId, e.Kind, e.ItemKind, e.ItemName, e.Quantity, e.Amount, e.PostedAt, e.IsAdjustment })
                .ToListAsync(token);
            var ticketIds = entries.Select(e => e.TicketId).Distinct().ToList();
            var numbers = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, t => new { t.Number, t.Title }, token);

            decimal Sum(Func<DateOnly, bool> inPeriod) =>
                entries.Where(e => inPeriod(EffectiveDates.ChinaDate(e.PostedAt))).Sum(e => e.Amount);

            var perTicket = entries.GroupBy(e => e.TicketId)
                .OrderByDescending(g => g.Max(e => e.PostedAt))
                .Select(g => new EarningsTicket(g.Key, numbers.GetValueOrDefault(g.Key)?.Number ?? "", numbers.GetValueOrDefault(g.Key)?.Title ?? "",
                    g.Sum(e => e.Amount),
                    g.OrderBy(e => e.PostedAt).ThenBy(e => e.Id)
                        .Select(e => new EarningsLine(e.Id, e.Kind, e.ItemKind, e.ItemName, e.Quantity, e.Amount, e.PostedAt, e.IsAdjustment)).ToList()))
                .ToList();
            return new EarningsView(
                Sum(d => d == today),
                Sum(d => d >= thisMonth),
                Sum(d => d >= lastMonth && d < thisMonth),
                perTicket);
        }, ct);
    }
}
