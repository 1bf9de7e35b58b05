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
        builder.Ignore(r => r.IsProvince);
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
        builder.HasOne<ScrmUser>().WithOne().HasForeignKey<UserProfile>(u => u.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(u => u.CustomerId).OnDelete(DeleteBehavior.Restrict);
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
    }
}
