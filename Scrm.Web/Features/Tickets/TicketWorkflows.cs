using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Tickets;

/// <summary>What the ticket handlers need to run a ticket's workflow: its version, the facts conditions read, the actor.</summary>
internal static class Workflows
{
    /// <summary>The published version with the highest number (v2 after v1), not the highest concurrency token.</summary>
    public static Task<WorkflowDefinition?> LatestPublishedAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        db.WorkflowDefinitions.AsNoTracking().Where(w => w.TemplateId == templateId && w.IsPublished)
            .OrderByDescending(w => w.Number).FirstOrDefaultAsync(ct);

    /// <summary>The version the ticket started on (tickets stay on it until an admin migrates them).</summary>
    public static async Task<WorkflowDefinition?> VersionOfAsync(WorkflowVersionCache versions, ScrmDbContext db, Ticket ticket, CancellationToken ct) =>
        ticket.WorkflowId is { } id ? await versions.GetAsync(db, id, ct) : null;

    /// <summary>What the workflow's conditions read beyond the ticket: its city's tier today (China date), province and customer level.</summary>
    public static async Task<TicketFacts> FactsAsync(ScrmDbContext db, Ticket ticket, TimeProvider time, CancellationToken ct)
    {
        // The region comes with its tier history (a few rows): the domain answers "the tier today".
        var region = ticket.RegionId is { } regionId ? await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct) : null;
        var level = ticket.CustomerId is { } customerId
            ? await db.Customers.Where(c => c.Id == customerId).Select(c => (Domain.Customers.CustomerLevel?)c.Level).SingleOrDefaultAsync(ct)
            : null;
        return new TicketFacts(region?.TierAt(time.GetUtcNow().UtcDateTime), level, region?.ParentId);
    }
}
