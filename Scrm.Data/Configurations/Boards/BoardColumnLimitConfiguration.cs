using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Boards;
using Scrm.Domain.Templates;

namespace Scrm.Data.Configurations.Boards;

internal sealed class BoardColumnLimitConfiguration : IEntityTypeConfiguration<BoardColumnLimit>
{
    public void Configure(EntityTypeBuilder<BoardColumnLimit> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ColumnKey).HasMaxLength(BoardColumnLimit.ColumnKeyMaxLength).IsRequired();
        builder.HasOne<TicketTemplate>().WithMany().HasForeignKey(l => l.TemplateId).OnDelete(DeleteBehavior.Cascade);

        // One limit per column: two admins saving at once cannot leave two rows.
        builder.HasIndex(l => new { l.TemplateId, l.ColumnKey }).IsUnique();
    }
}
