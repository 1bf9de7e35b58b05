using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Data.Rollups;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;

namespace Scrm.Data.Configurations.Rollups;

// Keys are the primary keys the upserts conflict on; no foreign keys, so a rollup row never blocks deleting or retiring
// what it counts, and the rebuild can empty the tables freely.

internal sealed class TicketDayRollupConfiguration : IEntityTypeConfiguration<TicketDayRollup>
{
    public void Configure(EntityTypeBuilder<TicketDayRollup> builder) => builder.HasKey(r => new { r.Day, r.RegionId });
}

internal sealed class RevenueDayRollupConfiguration : IEntityTypeConfiguration<RevenueDayRollup>
{
    public void Configure(EntityTypeBuilder<RevenueDayRollup> builder)
    {
        builder.HasKey(r => new { r.Day, r.RegionId, r.Category, r.PartnerTypeId });
        builder.Property(r => r.Category).HasMaxLength(Guard.StorageLength(ServiceItem.CategoryMaxLength));
    }
}

internal sealed class RevenueMonthRollupConfiguration : IEntityTypeConfiguration<RevenueMonthRollup>
{
    public void Configure(EntityTypeBuilder<RevenueMonthRollup> builder)
    {
        builder.HasKey(r => new { r.Month, r.RegionId, r.Category, r.PartnerTypeId });
        builder.Property(r => r.Category).HasMaxLength(Guard.StorageLength(ServiceItem.CategoryMaxLength));
    }
}

internal sealed class PayeeMonthRollupConfiguration : IEntityTypeConfiguration<PayeeMonthRollup>
{
    public void Configure(EntityTypeBuilder<PayeeMonthRollup> builder)
    {
        builder.HasKey(r => new { r.Month, r.RegionId, r.PayeeId });
        builder.Property(r => r.PayeeId).HasMaxLength(450);
    }
}

internal sealed class PayeeDayRollupConfiguration : IEntityTypeConfiguration<PayeeDayRollup>
{
    public void Configure(EntityTypeBuilder<PayeeDayRollup> builder)
    {
        builder.HasKey(r => new { r.Day, r.RegionId, r.PayeeId });
        builder.Property(r => r.PayeeId).HasMaxLength(450);
    }
}

internal sealed class AssigneeLoadConfiguration : IEntityTypeConfiguration<AssigneeLoad>
{
    public void Configure(EntityTypeBuilder<AssigneeLoad> builder)
    {
        builder.HasKey(r => r.UserId);
        builder.Property(r => r.UserId).HasMaxLength(450);
    }
}
