using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Configurations.Workflows;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinition>
{
    /// <summary>The graph is stored as one JSON document (docs/decisions/0005-workflow-graph-as-json.md).</summary>
    internal static readonly JsonSerializerOptions GraphJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<WorkflowDefinition> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.DefinitionId).HasMaxLength(WorkflowDefinition.DefinitionIdLength).IsRequired();
        builder.HasIndex(w => new { w.DefinitionId, w.Number }).IsUnique();
        builder.HasIndex(w => new { w.TemplateId, w.IsPublished, w.Number });
        builder.Property(w => w.Name).HasMaxLength(Guard.StorageLength(WorkflowDefinition.NameMaxLength)).IsRequired();
        builder.Property(w => w.PublishedById).HasMaxLength(450);
        builder.Property(w => w.PublishedByName).HasMaxLength(Guard.StorageLength(UserProfile.DisplayNameMaxLength));
        builder.HasOne<TicketTemplate>().WithMany().HasForeignKey(w => w.TemplateId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(w => w.Graph)
            .HasColumnName("GraphJson")
            .HasConversion(
                g => JsonSerializer.Serialize(g, GraphJson),
                json => JsonSerializer.Deserialize<WorkflowGraph>(json, GraphJson) ?? new WorkflowGraph(),
                new ValueComparer<WorkflowGraph>((a, b) => a!.Equals(b), g => g.GetHashCode(), g => g))
            .IsRequired();
    }
}
