using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Shared;

namespace Scrm.Tests.Web.Live;

/// <summary>Real commands by demo users, committed through the real save pipeline and so published on the real feed.</summary>
internal static class LiveEdits
{
    /// <summary>The first demo ticket in <paramref name="status"/>; with <paramref name="withLinkedCustomer"/>, one whose 关联客户 field is filled.</summary>
    public static async Task<long> OpenTicketAsync(IServiceProvider services, TicketStatus status = TicketStatus.InProgress, bool withLinkedCustomer = false)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        return await db.Tickets.Where(t => t.Status == status && (!withLinkedCustomer || t.Fields.Any(f => f.FieldKey == "linked_customer")))
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    public static async Task EditAsync(IServiceProvider services, string userName, long ticketId, Action<TicketForm> change)
    {
        var tickets = services.GetRequiredService<TicketService>();
        var actor = await TestApp.ActorAsync(services, userName);
        var form = TicketForm.Edit((await tickets.GetAsync(actor, ticketId))!);
        change(form);
        await tickets.EditAsync(actor, ticketId, form);
    }

    public static async Task CommentAsync(IServiceProvider services, string userName, long ticketId, string text) =>
        await services.GetRequiredService<TicketService>().AddCommentAsync(await TestApp.ActorAsync(services, userName), ticketId, text);

    /// <summary>Lets the coalescing delay pass on the test clock, so the live refresh runs now.</summary>
    public static void LetBurstSettle(IServiceProvider services) =>
        ((FakeTimeProvider)services.GetRequiredService<TimeProvider>()).Advance(LiveChanges.DefaultDelay);
}
