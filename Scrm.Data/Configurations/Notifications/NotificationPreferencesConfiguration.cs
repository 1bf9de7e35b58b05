using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Notifications;

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        // One row per user who ever changed a switch; a user without one gets every kind.
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Muted).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Muted).AutoInclude();
    }
}

internal sealed class MutedNotificationKindConfiguration : IEntityTypeConfiguration<MutedNotificationKind>
{
    public void Configure(EntityTypeBuilder<MutedNotificationKind> builder)
    {
        builder.ToTable("MutedNotificationKinds");
        builder.HasKey(m => new { m.UserId, m.Kind });
    }
}

/// <summary>Mentions live with the notifications they cause; the comment itself is configured with the tickets.</summary>
internal sealed class TicketCommentMentionConfiguration : IEntityTypeConfiguration<TicketCommentMention>
{
    public void Configure(EntityTypeBuilder<TicketCommentMention> builder)
    {
        builder.HasKey(m => new { m.CommentId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<TicketComment>().WithMany(c => c.Mentions).HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
