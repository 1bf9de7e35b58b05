using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Settlements;

/// <summary>
/// 服务与备件: the assigned technician or the desk records the services done and parts used on a ticket, and takes back a
/// line recorded by mistake. The work is open to change until its settlement posts; after that, reopening the ticket
/// (which reverses the settlement) opens it again.
/// </summary>
public sealed class WorkService(UnitOfWork work, TimeProvider time)
{
    public Task<TicketWorkView> GetAsync(Actor actor, long ticketId, CancellationToken ct = default) =>
        work.ReadAsync(async (db, token) =>
        {
            var (ticket, access) = await TicketWithAccessAsync(db, actor, ticketId, forReading: true, token);
            var lines = await WorkLinesQuery.RowsAsync(db, ticketId, token);
            var settlements = await WorkLinesQuery.SettlementsAsync(db, ticketId, SeesMoney(actor, access), actor.UserId, token);
            var locked = LockedReason(ticket, settlements);
            var canRecord = locked is null && actor.Role != Role.Finance;
            return new TicketWorkView(ticketId, lines, canRecord, locked, settlements)
            {
                DefaultWarehouseId = canRecord ? await WorkLinesQuery.DefaultWarehouseAsync(db, ticket.RegionId, token) : null,
            };
        }, ct);

    public Task<WorkOptions> OptionsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles.Append(Role.Technician).ToArray());
        return work.ReadAsync((db, token) => WorkLinesQuery.OptionsAsync(db, token), ct);
    }

    public Task<long> RecordAsync(Actor actor, long ticketId, WorkForm form, CancellationToken ct = default) =>
        work.RunAsync(actor, async (db, token) =>
        {
            var (ticket, _) = await TicketWithAccessAsync(db, actor, ticketId, forReading: false, token);
            await EnsureOpenAsync(db, ticket, token);
            var itemId = form.ItemId ?? throw new DomainException("WorkItemRequired", "Choose a service or a part.") { Field = nameof(WorkForm.ItemId) };
            await EnsureItemAsync(db, form.Kind, itemId, form.WarehouseId, token);
            var line = WorkLine.Record(ticketId, form.Kind, itemId,
                form.Quantity ?? throw new DomainException("QuantityNotPositive", "The quantity must be more than zero.") { Field = nameof(WorkForm.Quantity) },
                form.WarehouseId, form.Note, actor.UserId, time);
            db.WorkLines.Add(line);
            await db.SaveChangesOrConflictAsync(token);
            return line.Id;
        }, ct);

    public Task RemoveAsync(Actor actor, long lineId, long version, CancellationToken ct = default) =>
        work.RunAsync(actor, async (db, token) =>
        {
            var line = await db.WorkLines.SingleOrDefaultAsync(l => l.Id == lineId && !l.IsRemoved, token)
                ?? throw new DomainException("WorkLineRemoved", "This line was already removed.");
            var (ticket, _) = await TicketWithAccessAsync(db, actor, line.TicketId, forReading: false, token);
            await EnsureOpenAsync(db, ticket, token);
            if (line.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            line.Remove(actor.UserId, time);
            await db.SaveChangesOrConflictAsync(token);
        }, ct);

    /// <summary>Money on the tab: for the desk and finance, and for the technician when the settlement is theirs.</summary>
    private static bool SeesMoney(Actor actor, TicketAccess access) => access == TicketAccess.Desk || actor.Role == Role.Finance;

    /// <summary>The assigned technician and the desk work the tab; finance also reads it (what was settled, and why held).</summary>
    private static async Task<(Ticket Ticket, TicketAccess Access)> TicketWithAccessAsync(ScrmDbContext db, Actor actor, long ticketId, bool forReading, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
        var access = forReading && actor.Role == Role.Finance ? TicketAccess.Work : await TicketAccessRules.ForAsync(db, actor, ticket, ct);
        return access < TicketAccess.Work ? throw new ForbiddenException() : (ticket, access);
    }

    private static async Task EnsureOpenAsync(ScrmDbContext db, Ticket ticket, CancellationToken ct)
    {
        var posted = await db.Settlements.AnyAsync(s => s.TicketId == ticket.Id && s.State == SettlementState.Posted, ct);
        if (LockedReason(ticket, posted) is { } code)
        {
            throw new DomainException(code, code == "WorkSettled"
                ? "This ticket has been settled: reopen it to change the work recorded."
                : "This ticket is closed or cancelled: its work can no longer change.");
        }
    }

    private static string? LockedReason(Ticket ticket, IReadOnlyList<SettlementSummary> settlements) =>
        LockedReason(ticket, settlements.Any(s => s.State == SettlementState.Posted));

    private static string? LockedReason(Ticket ticket, bool posted) =>
        posted ? "WorkSettled" : ticket.Status is TicketStatus.Closed or TicketStatus.Cancelled ? "WorkTicketClosed" : null;

    private static async Task EnsureItemAsync(ScrmDbContext db, PricedItemKind kind, long itemId, long? warehouseId, CancellationToken ct)
    {
        var active = kind == PricedItemKind.Service
            ? await db.ServiceItems.AnyAsync(i => i.Id == itemId && i.IsActive, ct)
            : await db.SpareParts.AnyAsync(p => p.Id == itemId && p.IsActive, ct);
        if (!active)
        {
            throw new DomainException("WorkItemNotFound", "Choose an active service or part from the list.") { Field = nameof(WorkForm.ItemId) };
        }

        if (kind == PricedItemKind.Part && warehouseId is { } id && !await db.Warehouses.AnyAsync(w => w.Id == id, ct))
        {
            throw new DomainException("WarehouseNotFound", "Choose a warehouse from the list.") { Field = nameof(WorkForm.WarehouseId) };
        }
    }
}
