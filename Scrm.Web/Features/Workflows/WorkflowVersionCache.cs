using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Workflows;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows;

/// <summary>
/// Published workflow versions by id. A published version never changes (a new draft is a new row), so nothing needs
/// invalidating and every instance can keep its own copy; drafts are read but never kept.
/// </summary>
public sealed class WorkflowVersionCache : IDisposable
{
    /// <summary>Versions of every template's workflow, with room to spare; the least recently used go first.</summary>
    public const int Capacity = 1000;

    private readonly DefinitionCache<WorkflowDefinition> _versions = new(Capacity);

    /// <summary>The workflow version with this id, or null. Read-only: it is shared.</summary>
    public Task<WorkflowDefinition?> GetAsync(ScrmDbContext db, long id, CancellationToken ct) =>
        _versions.GetOrLoadAsync(id, (key, token) => db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == key, token), ct,
            keep: w => w.IsPublished);

    public void Dispose() => _versions.Dispose();
}
