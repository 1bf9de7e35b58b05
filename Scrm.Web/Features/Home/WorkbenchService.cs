using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Home;

public sealed record WorkbenchView(int Open, int UrgentOpen, int CreatedToday, int FinishedThisWeek, IReadOnlyList<TicketRow> MyTickets, bool ScopedToMe);

/// <summary>我的工作: a few counts and the open tickets the signed-in user is working on.</summary>
public sealed class WorkbenchService(IDbContextFactory<ScrmDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    private static readonly TicketStatus[] Finished = [TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled];

    public async Task<WorkbenchView> GetAsync(CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(Role.Admin, Role.Supervisor, Role.Agent, Role.Technician, Role.Finance, Role.Sales);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Technicians see their own jobs only; the desk sees the whole company.
        var scopedToMe = user.Role == Role.Technician;
        var tickets = db.Tickets.AsNoTracking().Where(t => !scopedToMe || t.AssigneeId == user.Id);
        var open = tickets.Where(t => !Finished.Contains(t.Status));
        var todayUtc = ChinaTime.ToUtc(ChinaTime.Today(time).ToDateTime(TimeOnly.MinValue));
        var weekAgo = time.GetUtcNow().UtcDateTime.AddDays(-7);

        var mine = RoleSets.TicketDeskRoles.Contains(user.Role) || scopedToMe
            ? await TicketListQuery.RunAsync(db, new TicketQuery
            {
                Statuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.OnHold],
                AssigneeId = scopedToMe ? user.Id : null,
                SortBy = TicketSort.Urgency,
                Descending = false,
                PageSize = 10,
            }, ct)
            : new PagedResult<TicketRow>([], 0);

        return new WorkbenchView(
            await open.CountAsync(ct),
            await open.CountAsync(t => t.Urgency == Urgency.Urgent, ct),
            await tickets.CountAsync(t => t.CreatedAt >= todayUtc, ct),
            await tickets.CountAsync(t => Finished.Contains(t.Status) && t.Status != TicketStatus.Cancelled && t.UpdatedAt >= weekAgo, ct),
            mine.Items,
            scopedToMe);
    }
}
