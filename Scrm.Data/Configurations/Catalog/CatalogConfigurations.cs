using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;

namespace Scrm.Data.Configurations.Catalog;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(CatalogCode.MaxLength).IsRequired();
        // Two admins (or an admin and an import) adding the same code at once cannot both succeed.
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(Guard.StorageLength(ServiceItem.NameMaxLength)).IsRequired();
        builder.Property(i => i.Category).HasMaxLength(Guard.StorageLength(ServiceItem.CategoryMaxLength)).IsRequired();
        builder.Property(i => i.Unit).HasMaxLength(Guard.StorageLength(ServiceItem.UnitMaxLength)).IsRequired();
        builder.HasIndex(i => i.Category);
    }
}

internal sealed class SparePartConfiguration : IEntityTypeConfiguration<SparePart>
{
    public void Configure(EntityTypeBuilder<SparePart> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(CatalogCode.MaxLength).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Guard.StorageLength(SparePart.NameMaxLength)).IsRequired();
        builder.Property(p => p.Unit).HasMaxLength(Guard.StorageLength(SparePart.UnitMaxLength)).IsRequired();
        builder.Property(p => p.LowStockThreshold).HasConversion(Hundredths.Converter);
        builder.HasMany(p => p.Stock).WithOne().HasForeignKey(s => s.SparePartId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Stock).HasField("_stock").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class PartStockConfiguration : IEntityTypeConfiguration<PartStock>
{
    public void Configure(EntityTypeBuilder<PartStock> builder)
    {
        builder.HasKey(s => new { s.SparePartId, s.WarehouseId });
        builder.Property(s => s.Quantity).HasConversion(Hundredths.Converter);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.WarehouseId);
    }
}

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(Guard.StorageLength(Warehouse.NameMaxLength)).IsRequired();
        builder.HasIndex(w => w.Name).IsUnique();
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasOne(m => m.Part).WithMany().HasForeignKey(m => m.SparePartId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Change).HasConversion(Hundredths.Converter);
        builder.Property(m => m.QuantityAfter).HasConversion(Hundredths.Converter);
        builder.Property(m => m.Reason).HasMaxLength(Guard.StorageLength(SparePart.ReasonMaxLength)).IsRequired();
        builder.Property(m => m.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.ActorName).HasMaxLength(Guard.StorageLength(StockMovement.ActorNameMaxLength)).IsRequired();
        builder.HasIndex(m => new { m.SparePartId, m.At });
    }
}

/// <summary>
/// Quantities (at most two decimals, <see cref="Quantity"/>) stored as whole hundredths, as money is stored in fen: exact,
/// and compared and sorted in SQL alike on SQLite (which has no decimal type) and SQL Server.
/// </summary>
internal static class Hundredths
{
    public static readonly ValueConverter<decimal, long> Converter = new(q => (long)(q * 100m), v => v / 100m);
}
