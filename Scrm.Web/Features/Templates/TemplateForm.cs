using Scrm.Domain.Templates;

namespace Scrm.Web.Features.Templates;

/// <summary>Input for a template's name, description and active switch.</summary>
public sealed class TemplateForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;

    public static TemplateForm From(TicketTemplate template) => new()
    {
        Name = template.Name,
        Description = template.Description,
        IsActive = template.IsActive,
    };
}
