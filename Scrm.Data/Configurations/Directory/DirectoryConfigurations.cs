using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Data.Identity;
using Scrm.Domain.Auditing;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Directory;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Guard.StorageLength(Customer.NameMaxLength)).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(Customer.PhoneMaxLength);
        builder.Property(c => c.Address).HasMaxLength(Guard.StorageLength(Customer.AddressMaxLength));
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Name);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(Guard.StorageLength(Region.NameMaxLength)).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(r => r.DirectorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsProvince);
        builder.HasMany(r => r.TierHistory).WithOne().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.TierHistory).AutoInclude();
    }
}

internal sealed class CityTierChangeConfiguration : IEntityTypeConfiguration<CityTierChange>
{
    public void Configure(EntityTypeBuilder<CityTierChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TierCode).HasMaxLength(PriceTier.CodeMaxLength).IsRequired();
        builder.HasIndex(c => new { c.RegionId, c.EffectiveFrom }).IsUnique();
        builder.HasOne<PriceTier>().WithMany().HasForeignKey(c => c.TierCode).HasPrincipalKey(t => t.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PriceTierConfiguration : IEntityTypeConfiguration<PriceTier>
{
    public void Configure(EntityTypeBuilder<PriceTier> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(PriceTier.CodeMaxLength).IsRequired();
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(Guard.StorageLength(PriceTier.NameMaxLength)).IsRequired();
    }
}

internal sealed class PartnerTypeConfiguration : IEntityTypeConfiguration<PartnerType>
{
    public void Configure(EntityTypeBuilder<PartnerType> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Guard.StorageLength(PartnerType.NameMaxLength)).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class SkillTagConfiguration : IEntityTypeConfiguration<SkillTag>
{
    public void Configure(EntityTypeBuilder<SkillTag> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Guard.StorageLength(SkillTag.NameMaxLength)).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(450);
        builder.Property(u => u.UserName).HasMaxLength(256).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(Guard.StorageLength(UserProfile.DisplayNameMaxLength)).IsRequired();
        builder.Property(u => u.Culture).HasMaxLength(10).IsRequired();
        builder.Property(u => u.Phone).HasMaxLength(UserProfile.PhoneMaxLength);
        builder.Property(u => u.WeComUserId).HasMaxLength(UserProfile.WeComUserIdMaxLength);
        builder.HasOne<ScrmUser>().WithOne().HasForeignKey<UserProfile>(u => u.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(u => u.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The profile's parts load with it: a handful of rows per user.
        builder.HasMany(u => u.Regions).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.Skills).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.PartnerTypes).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Regions).AutoInclude();
        builder.Navigation(u => u.Skills).AutoInclude();
        builder.Navigation(u => u.PartnerTypes).AutoInclude();
    }
}

internal sealed class UserRegionConfiguration : IEntityTypeConfiguration<UserRegion>
{
    public void Configure(EntityTypeBuilder<UserRegion> builder)
    {
        builder.HasKey(r => new { r.UserId, r.RegionId });
        builder.HasIndex(r => r.RegionId);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserSkillConfiguration : IEntityTypeConfiguration<UserSkill>
{
    public void Configure(EntityTypeBuilder<UserSkill> builder)
    {
        builder.HasKey(s => new { s.UserId, s.SkillTagId });
        builder.HasOne<SkillTag>().WithMany().HasForeignKey(s => s.SkillTagId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartnerTypeChangeConfiguration : IEntityTypeConfiguration<PartnerTypeChange>
{
    public void Configure(EntityTypeBuilder<PartnerTypeChange> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.UserId, p.EffectiveFrom }).IsUnique();
        builder.HasOne<PartnerType>().WithMany().HasForeignKey(p => p.PartnerTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(Guard.StorageLength(UserProfile.DisplayNameMaxLength)).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(60).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Field).HasMaxLength(100);
        builder.Property(a => a.Before).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.Property(a => a.After).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.HasIndex(a => new { a.TicketId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });

        // The rows are never deleted, and neither are the aggregates they belong to.
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TicketTemplate>().WithMany().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkflowDefinition>().WithMany().HasForeignKey(a => a.WorkflowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
