using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Tickets;

namespace Scrm.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.TypeMaxLength).IsRequired();
        builder.Property(m => m.Payload).IsRequired();
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.ActorId).HasMaxLength(450);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.HasOne(m => m.Ticket).WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);

        // The job reads the next due undelivered, unparked messages in order; admins list the parked ones.
        builder.HasIndex(m => new { m.DeliveredAt, m.ParkedAt, m.NextAttemptAt, m.Id });
    }
}
