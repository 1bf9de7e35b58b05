using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Notifications;

namespace Scrm.Tests.Web.Notifications;

/// <summary>Notifications saved through a context, as the outbox delivery will save them (and published on the feed).</summary>
internal static class NotificationSeed
{
    private static long _sourceMessageId;

    public static async Task<long> AddAsync(IServiceProvider services, string recipientId, long ticketId, string text,
        NotificationKind kind = NotificationKind.Workflow, bool read = false)
    {
        var time = services.GetRequiredService<TimeProvider>();
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var notification = Notification.Create(recipientId, ticketId, kind, text, Interlocked.Increment(ref _sourceMessageId), time);
        if (read)
        {
            notification.MarkRead(recipientId, time);
        }

        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    /// <summary>The seeded ticket with the lowest id: its number and title for the expected text.</summary>
    public static async Task<(long Id, string Number, string Title)> FirstTicketAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.AsNoTracking().OrderBy(t => t.Id).FirstAsync();
        return (ticket.Id, ticket.Number, ticket.Title);
    }

    public static async Task<DateTime?> ReadAtAsync(IServiceProvider services, long id)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync();
    }
}
