using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Data.Configurations.Settlements;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Pricing;

internal sealed class PriceBookVersionConfiguration : IEntityTypeConfiguration<PriceBookVersion>
{
    public void Configure(EntityTypeBuilder<PriceBookVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.DraftedById).HasMaxLength(450).IsRequired();
        builder.Property(v => v.ReviewedById).HasMaxLength(450);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(v => v.DraftedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(v => v.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.RejectReason).HasMaxLength(Guard.StorageLength(PriceBookVersion.ReasonMaxLength));
        builder.HasMany(v => v.Entries).WithOne().HasForeignKey("VersionId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // The rules the domain checks, kept by the database too when two admins act at once:
        // one draft at a time, and never two published versions in force from the same day. The state is stored as its
        // name (the enum convention), so the filters compare with the name: a number would never match.
        builder.HasIndex(v => v.State).IsUnique().HasFilter($"\"State\" = '{nameof(PriceBookState.Draft)}'").HasDatabaseName("IX_PriceBookVersions_OneDraft");
        builder.HasIndex(v => v.EffectiveFrom).IsUnique().HasFilter($"\"State\" = '{nameof(PriceBookState.Published)}'").HasDatabaseName("IX_PriceBookVersions_PublishedFrom");
    }
}

internal sealed class PriceEntryConfiguration : IEntityTypeConfiguration<PriceEntry>
{
    public void Configure(EntityTypeBuilder<PriceEntry> builder)
    {
        builder.ToTable("PriceEntries");
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.Key);
        builder.Property(e => e.TierCode).HasMaxLength(10).IsRequired();
        builder.Property(e => e.SettlementPrice).HasConversion(Fen.Converter);
        builder.Property(e => e.CustomerPrice).HasConversion(Fen.Converter);
        // One price per key in a version.
        builder.HasIndex("VersionId", nameof(PriceEntry.Kind), nameof(PriceEntry.ItemId), nameof(PriceEntry.TierCode), nameof(PriceEntry.PartnerTypeId)).IsUnique();
    }
}
