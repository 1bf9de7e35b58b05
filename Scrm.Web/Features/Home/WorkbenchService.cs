using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Home;

/// <summary>What "/" shows a role: the whole desk's work, a technician's own jobs, a customer's tickets, or what is coming.</summary>
public enum WorkbenchKind
{
    Desk,
    Technician,
    Customer,
    Finance,
    Sales,
}

/// <summary>Counts are only given where the user can open the tickets counted; <see cref="Tickets"/> are all theirs to open.</summary>
public sealed record WorkbenchView(WorkbenchKind Kind, WorkbenchCounts? Counts, IReadOnlyList<TicketRow> Tickets);

public sealed record WorkbenchCounts(int Open, int UrgentOpen, int CreatedToday, int FinishedThisWeek);

/// <summary>我的工作: the home page of every role, true to what that role may open.</summary>
public sealed class WorkbenchService(IDbContextFactory<ScrmDbContext> dbFactory, TimeProvider time)
{
    private static readonly TicketStatus[] Finished = [TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled];
    private static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.OnHold];

    public async Task<WorkbenchView> GetAsync(Actor user, CancellationToken ct = default)
    {
        user.Require();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return user.Role switch
        {
            Role.Admin or Role.Supervisor or Role.Agent => await WorkAsync(db, WorkbenchKind.Desk, await RegionScope.ForAsync(db, user, ct), assigneeId: null, ct),
            Role.Technician => await WorkAsync(db, WorkbenchKind.Technician, RegionScope.All, user.UserId, ct),
            Role.Customer => await CustomerAsync(db, user, ct),
            Role.Finance => new WorkbenchView(WorkbenchKind.Finance, null, []),
            Role.Sales => new WorkbenchView(WorkbenchKind.Sales, null, []),
            _ => throw new ForbiddenException(),
        };
    }

    /// <summary>The desk sees its regions (the central desk the whole company); a technician only the jobs assigned to them.</summary>
    private async Task<WorkbenchView> WorkAsync(ScrmDbContext db, WorkbenchKind kind, RegionScope scope, string? assigneeId, CancellationToken ct)
    {
        var tickets = scope.Apply(db.Tickets.AsNoTracking()).Where(t => assigneeId == null || t.AssigneeId == assigneeId);
        var open = tickets.Where(t => !Finished.Contains(t.Status));
        var todayUtc = ChinaTime.ToUtc(ChinaTime.Today(time).ToDateTime(TimeOnly.MinValue));
        var weekAgo = time.GetUtcNow().UtcDateTime.AddDays(-7);
        var counts = new WorkbenchCounts(
            await open.CountAsync(ct),
            await open.CountAsync(t => t.Urgency == Urgency.Urgent, ct),
            await tickets.CountAsync(t => t.CreatedAt >= todayUtc, ct),
            await tickets.CountAsync(t => Finished.Contains(t.Status) && t.Status != TicketStatus.Cancelled && t.UpdatedAt >= weekAgo, ct));
        var rows = await TicketListQuery.RunAsync(db, new TicketQuery
        {
            Statuses = Open,
            AssigneeId = assigneeId,
            SortBy = TicketSort.Urgency,
            Descending = false,
            // The desk has the ticket center for the rest; a technician has only this list, so it holds all their jobs.
            PageSize = kind == WorkbenchKind.Technician ? TicketQuery.MaxPageSize : 10,
        }, scope, ct);
        return new WorkbenchView(kind, counts, rows.Items);
    }

    /// <summary>A customer's own tickets, newest change first; a login linked to no customer has none.</summary>
    private static async Task<WorkbenchView> CustomerAsync(ScrmDbContext db, Actor user, CancellationToken ct)
    {
        var customerId = await db.UserProfiles.Where(u => u.Id == user.UserId).Select(u => u.CustomerId).SingleOrDefaultAsync(ct);
        var rows = customerId is { } id
            ? (await TicketListQuery.RunAsync(db, new TicketQuery { CustomerId = id, PageSize = TicketQuery.MaxPageSize }, RegionScope.All, ct)).Items
            : [];
        return new WorkbenchView(WorkbenchKind.Customer, null, rows);
    }
}
