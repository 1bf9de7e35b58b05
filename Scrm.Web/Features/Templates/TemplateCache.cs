using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Domain.Templates;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Templates;

/// <summary>
/// Templates with their form (fields and rules) by id, for the ticket handlers: every ticket page and command needs its
/// template, and templates change rarely. A committed template change on the change feed drops that template.
/// </summary>
/// <remarks>
/// The in-process feed only carries this instance's commits, so with several instances another one's template edit is
/// not seen here. The Redis backplane will publish every instance's changes to every instance's subscribers, and this
/// cache then invalidates across instances without a change. Until then, run one instance (as on SQLite).
/// </remarks>
public sealed class TemplateCache : IDisposable
{
    /// <summary>Far more templates than a company uses; the bound only protects memory from a runaway.</summary>
    public const int Capacity = 500;

    private readonly DefinitionCache<TicketTemplate> _templates = new(Capacity);
    private readonly IDisposable _subscription;

    public TemplateCache(IChangeFeed changes) => _subscription = changes.Subscribe(OnChanges);

    /// <summary>The template with its fields and rules, or null when there is no such template. Read-only: it is shared.</summary>
    public Task<TicketTemplate?> GetAsync(ScrmDbContext db, long id, CancellationToken ct) =>
        _templates.GetOrLoadAsync(id, (key, token) => db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == key, token), ct);

    private void OnChanges(IReadOnlyList<Change> changes)
    {
        foreach (var change in changes)
        {
            if (change.Kind == ChangeKinds.Template)
            {
                _templates.Invalidate(change.Id);
            }
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _templates.Dispose();
    }
}
