using Microsoft.EntityFrameworkCore;
using Scrm.Data.Saving;

namespace Scrm.Data;

/// <summary>A context per operation, wired to the save pipeline's services. Who acts is set per command, not here.</summary>
internal sealed class ScrmDbContextFactory(Func<ScrmDbContext> create, SaveServices pipeline) : IDbContextFactory<ScrmDbContext>
{
    public ScrmDbContext CreateDbContext()
    {
        var db = create();
        db.Pipeline = pipeline;
        return db;
    }
}
