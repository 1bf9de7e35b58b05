using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Templates;

namespace Scrm.Data;

public static class TemplateQueries
{
    /// <summary>Templates with what their form needs: the fields and the 智能必填 rules.</summary>
    public static IQueryable<TicketTemplate> WithForm(this IQueryable<TicketTemplate> templates) =>
        templates.Include(t => t.Fields).Include(t => t.Rules);
}
