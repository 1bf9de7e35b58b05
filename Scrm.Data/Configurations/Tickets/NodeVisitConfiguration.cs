using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Configurations.Tickets;

internal sealed class NodeVisitConfiguration : IEntityTypeConfiguration<NodeVisit>
{
    public void Configure(EntityTypeBuilder<NodeVisit> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property<long>("TicketId");
        builder.Property(v => v.NodeId).HasMaxLength(40).IsRequired();
        builder.Property(v => v.NodeName).HasMaxLength(Guard.StorageLength(WorkflowNode.NameMaxLength)).IsRequired();
        builder.Property(v => v.ExitedById).HasMaxLength(450);
        builder.Property(v => v.ExitedByName).HasMaxLength(Guard.StorageLength(UserProfile.DisplayNameMaxLength));
        builder.Property(v => v.ExitedVia).HasMaxLength(Guard.StorageLength(WorkflowTransition.LabelMaxLength));

        // Dwell-time reports read visits by ticket and by node over a period.
        builder.HasIndex("TicketId", nameof(NodeVisit.EnteredAt));
        builder.HasIndex(v => new { v.NodeId, v.EnteredAt });

        // Dwell time counts visits by the day they ENDED: node + exit time ranges straight to a period's visits (and to the
        // open ones, ExitedAt IS NULL) instead of every visit the node ever had.
        builder.HasIndex(v => new { v.NodeId, v.ExitedAt });
    }
}
