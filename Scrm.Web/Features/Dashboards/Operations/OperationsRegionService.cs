using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>The provinces the region picker offers: those the viewer's scope takes in whole (every one for a central user).</summary>
public sealed class OperationsRegionService(IDbContextFactory<ScrmDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Option<long>>> ProvincesAsync(Actor actor, CancellationToken ct = default)
    {
        if (!DashboardAccess.MaySeeOperations(actor))
        {
            throw new ForbiddenException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await RegionScope.ForAsync(db, actor, ct);
        var provinces = await db.Regions.AsNoTracking().Where(r => r.ParentId == null && !r.IsRetired)
            .Select(r => new Option<long>(r.Id, r.Name)).ToListAsync(ct);
        return provinces.Where(p => scope.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
