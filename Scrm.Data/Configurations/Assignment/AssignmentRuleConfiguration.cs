using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Assignment;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;

namespace Scrm.Data.Configurations.Assignment;

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(Guard.StorageLength(AssignmentRule.NameMaxLength)).IsRequired();
        builder.Property(r => r.NodeId).HasMaxLength(WorkflowNodeIdMaxLength);
        builder.Property(r => r.LastPickedUserId).HasMaxLength(450);
        builder.HasOne<TicketTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SkillTag>().WithMany().HasForeignKey(r => r.SkillTagId).OnDelete(DeleteBehavior.Restrict);

        // Assignment reads the rules of one template and node in order, for every ticket created or moved.
        builder.HasIndex(r => new { r.TemplateId, r.NodeId, r.SortOrder });

        // The group loads with its rule: a handful of rows.
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Members).AutoInclude();
        builder.Ignore(r => r.GroupUserIds);
    }

    // As wide as the ticket's CurrentNodeId column: the same node ids.
    private const int WorkflowNodeIdMaxLength = 40;
}

internal sealed class AssignmentRuleMemberConfiguration : IEntityTypeConfiguration<AssignmentRuleMember>
{
    public void Configure(EntityTypeBuilder<AssignmentRuleMember> builder)
    {
        builder.ToTable("AssignmentRuleMembers");
        builder.HasKey(m => new { m.RuleId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<UserProfile>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
