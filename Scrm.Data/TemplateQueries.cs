using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Templates;

namespace Scrm.Data;

public static class TemplateQueries
{
    /// <summary>
    /// Templates with what their form needs: the fields and the 智能必填 rules. Split into one statement per collection,
    /// because joining both would return fields × rules rows.
    /// </summary>
    public static IQueryable<TicketTemplate> WithForm(this IQueryable<TicketTemplate> templates) =>
        templates.Include(t => t.Fields).Include(t => t.Rules).AsSplitQuery();
}
