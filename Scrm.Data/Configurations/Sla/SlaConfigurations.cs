using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Sla;

internal sealed class SlaSettingsConfiguration : IEntityTypeConfiguration<SlaSettings>
{
    public void Configure(EntityTypeBuilder<SlaSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.WaitingStatusNames).HasMaxLength(200).IsRequired();
        builder.Ignore(s => s.WaitingStatuses);

        builder.HasMany(s => s.Week).WithOne().HasForeignKey("SlaSettingsId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Week).HasField("_week").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(s => s.Holidays).WithOne().HasForeignKey("SlaSettingsId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Holidays).HasField("_holidays").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(s => s.MakeUpDays).WithOne().HasForeignKey("SlaSettingsId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.MakeUpDays).HasField("_makeUpDays").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class SlaHolidayConfiguration : IEntityTypeConfiguration<SlaHoliday>
{
    public void Configure(EntityTypeBuilder<SlaHoliday> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Name).HasMaxLength(Guard.StorageLength(SlaSettings.NameMaxLength)).IsRequired();
    }
}

internal sealed class SlaMakeUpDayConfiguration : IEntityTypeConfiguration<SlaMakeUpDay>
{
    public void Configure(EntityTypeBuilder<SlaMakeUpDay> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(Guard.StorageLength(SlaSettings.NameMaxLength)).IsRequired();
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Urgency).HasConversion<int>();
        builder.HasOne<TicketTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
        // One policy per template and urgency: two admins adding the same one at once cannot both succeed.
        builder.HasIndex(p => new { p.TemplateId, p.Urgency }).IsUnique();
        builder.Ignore(p => p.FirstResponse);
        builder.Ignore(p => p.Resolution);
        builder.HasMany(p => p.Levels).WithOne().HasForeignKey("SlaPolicyId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Levels).HasField("_levels").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class EscalationLevelConfiguration : IEntityTypeConfiguration<EscalationLevel>
{
    public void Configure(EntityTypeBuilder<EscalationLevel> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Recipient).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlaEscalationConfiguration : IEntityTypeConfiguration<SlaEscalation>
{
    public void Configure(EntityTypeBuilder<SlaEscalation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Recipient).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        // The job's exactly-once: a level is sent to a ticket once, whichever instance or run gets there first.
        builder.HasIndex(e => new { e.TicketId, e.PolicyId, e.Level }).IsUnique();
    }
}

internal sealed class TicketSlaPauseConfiguration : IEntityTypeConfiguration<TicketSlaPause>
{
    public void Configure(EntityTypeBuilder<TicketSlaPause> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Reason).HasMaxLength(Guard.StorageLength(TicketSlaPause.ReasonMaxLength)).IsRequired();
    }
}
