using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrm.Data.Configurations.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Settlements;

internal sealed class WorkLineConfiguration : IEntityTypeConfiguration<WorkLine>
{
    public void Configure(EntityTypeBuilder<WorkLine> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Quantity).HasConversion(Hundredths.Converter);
        builder.Property(l => l.Note).HasMaxLength(Guard.StorageLength(WorkLine.NoteMaxLength));
        builder.Property(l => l.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(l => l.RemovedById).HasMaxLength(450);
        builder.HasIndex(l => l.TicketId);
    }
}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Restrict);
        // The idempotency key: one settlement per completion of a ticket, whoever saves it and however often.
        builder.HasIndex(s => new { s.TicketId, s.Round }).IsUnique();
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(s => s.PayeeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.PayeeId).HasMaxLength(450);
        builder.Property(s => s.TierCode).HasMaxLength(10);
        builder.Property(s => s.ReversalNote).HasMaxLength(Guard.StorageLength(Settlement.NoteMaxLength));
        builder.Property(s => s.ReversedById).HasMaxLength(450);
        builder.Ignore(s => s.Total);
        builder.Ignore(s => s.CustomerTotal);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey("SettlementId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // A handful of reasons, always read with the settlement: one JSON column.
        builder.Property<List<SettlementHold>>("_holds").HasColumnName("Holds").HasConversion(HoldsConverter, HoldsComparer).IsRequired();
        builder.Ignore(s => s.Holds);

        // Finance's queue of held settlements, and a payee's settlements by completion.
        builder.HasIndex(s => new { s.State, s.CompletedAt });
        builder.HasIndex(s => new { s.PayeeId, s.CompletedAt });
    }

    private static readonly ValueConverter<List<SettlementHold>, string> HoldsConverter = new(
        holds => JsonSerializer.Serialize(holds, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<List<SettlementHold>>(json, JsonSerializerOptions.Default) ?? new List<SettlementHold>());

    private static readonly ValueComparer<List<SettlementHold>> HoldsComparer = new(
        (a, b) => a!.SequenceEqual(b!), holds => holds.Aggregate(0, (hash, h) => HashCode.Combine(hash, h)), holds => holds.ToList());
}

internal sealed class SettlementLineConfiguration : IEntityTypeConfiguration<SettlementLine>
{
    public void Configure(EntityTypeBuilder<SettlementLine> builder)
    {
        builder.ToTable("SettlementLines");
        builder.HasKey(l => l.Id);
        builder.HasIndex("SettlementId", nameof(SettlementLine.Number)).IsUnique();
        builder.Property(l => l.ItemCode).HasMaxLength(Scrm.Domain.Catalog.CatalogCode.MaxLength).IsRequired();
        builder.Property(l => l.ItemName).HasMaxLength(Guard.StorageLength(100)).IsRequired();
        builder.Property(l => l.ItemCategory).HasMaxLength(Guard.StorageLength(Scrm.Domain.Catalog.ServiceItem.CategoryMaxLength)).IsRequired();
        builder.Property(l => l.Unit).HasMaxLength(Guard.StorageLength(10)).IsRequired();
        builder.Property(l => l.Quantity).HasConversion(Hundredths.Converter);
        builder.Property(l => l.UnitPrice).HasConversion(Fen.Converter);
        builder.Property(l => l.UnitCustomerPrice).HasConversion(Fen.Converter);
        builder.Property(l => l.Amount).HasConversion(Fen.Converter);
        builder.Property(l => l.CustomerAmount).HasConversion(Fen.Converter);
    }
}

internal sealed class EarningsEntryConfiguration : IEntityTypeConfiguration<EarningsEntry>
{
    public void Configure(EntityTypeBuilder<EarningsEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne(e => e.Settlement).WithMany().HasForeignKey(e => e.SettlementId).OnDelete(DeleteBehavior.Restrict);
        // A line is earned once and reversed once, whatever runs twice.
        builder.HasIndex(e => new { e.SettlementId, e.LineNumber, e.Kind }).IsUnique();
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(e => e.PayeeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.PayeeId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ItemName).HasMaxLength(Guard.StorageLength(100)).IsRequired();
        builder.Property(e => e.Quantity).HasConversion(Hundredths.Converter);
        builder.Property(e => e.Amount).HasConversion(Fen.Converter);
        builder.Property(e => e.CustomerAmount).HasConversion(Fen.Converter);
        // Statements and earnings pages read one payee's month; reconciliation groups by payee and month.
        builder.HasIndex(e => new { e.PayeeId, e.Month });
        builder.HasIndex(e => e.TicketId);
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.HasKey(s => s.Id);
        // A payee's month is confirmed once, even when two people press the button at once.
        builder.HasIndex(s => new { s.PayeeId, s.Month }).IsUnique();
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(s => s.PayeeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.PayeeId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Total).HasConversion(Fen.Converter);
        builder.Property(s => s.ConfirmedById).HasMaxLength(450).IsRequired();
        builder.Property(s => s.PaidById).HasMaxLength(450);
        builder.HasIndex(s => s.Month);
    }
}
