using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Exports;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(j => j.OwnerName).HasMaxLength(Guard.StorageLength(UserProfile.DisplayNameMaxLength)).IsRequired();
        builder.Property(j => j.Culture).HasMaxLength(10).IsRequired();
        builder.Property(j => j.Filter).HasMaxLength(ExportJob.FilterMaxLength).IsRequired();
        builder.Property(j => j.FileName).HasMaxLength(Guard.StorageLength(ExportJob.FileNameMaxLength)).IsRequired();
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.Cascade);

        // A short list of ids, always read with the job: a JSON array in one column on both providers.
        builder.PrimitiveCollection(j => j.TemplateIds).HasField("_templateIds").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();

        // "My exports" lists one owner's newest first and counts their active ones; the cleanup finds done jobs by expiry.
        builder.HasIndex(j => new { j.OwnerId, j.RequestedAt });
        builder.HasIndex(j => new { j.State, j.ExpiresAt });
    }
}
