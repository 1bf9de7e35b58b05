using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Guard.StorageLength(Notification.TextMaxLength)).IsRequired();
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Restrict);

        // The bell counts and lists a user's newest unread first.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });

        // Delivering the same outbox message twice notifies each person once.
        builder.HasIndex(n => new { n.SourceMessageId, n.RecipientId }).IsUnique();
    }
}
