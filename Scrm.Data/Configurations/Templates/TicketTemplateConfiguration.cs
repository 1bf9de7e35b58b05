using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;

namespace Scrm.Data.Configurations.Templates;

internal sealed class TicketTemplateConfiguration : IEntityTypeConfiguration<TicketTemplate>
{
    public void Configure(EntityTypeBuilder<TicketTemplate> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Guard.StorageLength(TicketTemplate.NameMaxLength)).IsRequired();
        builder.Property(t => t.NameKey).HasMaxLength(Guard.StorageLength(TicketTemplate.NameMaxLength)).IsRequired();
        builder.HasIndex(t => t.NameKey).IsUnique(); // the database, not only a check in code, keeps names unique
        builder.Property(t => t.Description).HasMaxLength(Guard.StorageLength(TicketTemplate.DescriptionMaxLength));

        builder.HasMany(t => t.Fields).WithOne().HasForeignKey("TemplateId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Fields).HasField("_fields").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Rules).WithOne().HasForeignKey("TemplateId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Rules).HasField("_rules").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FieldDefinitionConfiguration : IEntityTypeConfiguration<FieldDefinition>
{
    public void Configure(EntityTypeBuilder<FieldDefinition> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Key).HasMaxLength(FieldDefinition.KeyMaxLength).IsRequired();
        builder.Property(f => f.Label).HasMaxLength(Guard.StorageLength(FieldDefinition.LabelMaxLength)).IsRequired();
        builder.Property(f => f.HelpText).HasMaxLength(Guard.StorageLength(FieldDefinition.HelpMaxLength));
        builder.Property(f => f.Min).HasPrecision(18, 4);
        builder.Property(f => f.Max).HasPrecision(18, 4);
        builder.Property<long>("TemplateId");
        builder.HasIndex("TemplateId", nameof(FieldDefinition.Key)).IsUnique();

        // Options are a short ordered list read with the field: one JSON text column on both providers. No width:
        // the domain bounds the list, and JSON writes each Chinese character as a six-character \u escape.
        builder.Property<List<string>>("_options")
            .HasColumnName("Options")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
        builder.Ignore(f => f.Options);
    }
}

internal sealed class FieldRuleConfiguration : IEntityTypeConfiguration<FieldRule>
{
    public void Configure(EntityTypeBuilder<FieldRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.WhenFieldKey).HasMaxLength(FieldDefinition.KeyMaxLength).IsRequired();
        builder.Property(r => r.RequiredFieldKey).HasMaxLength(FieldDefinition.KeyMaxLength).IsRequired();
        builder.Property(r => r.Operand).HasMaxLength(Guard.StorageLength(FieldRule.OperandMaxLength));
    }
}
