using Microsoft.EntityFrameworkCore;

namespace Scrm.Data.Auditing;

/// <summary>Who is acting in the current scope (a Blazor circuit or a request).</summary>
public interface IAuditActorAccessor
{
    AuditActor Actor { get; }
}

/// <summary>
/// What feature services inject: a context per operation, already stamped with the acting user so every
/// change it saves is recorded against them.
/// </summary>
internal sealed class AuditedDbContextFactory(Func<ScrmDbContext> create, IAuditActorAccessor actor, TimeProvider clock)
    : IDbContextFactory<ScrmDbContext>
{
    public ScrmDbContext CreateDbContext()
    {
        var db = create();
        db.Actor = actor.Actor;
        db.Clock = clock;
        return db;
    }
}

internal sealed class SystemActorAccessor : IAuditActorAccessor
{
    public AuditActor Actor => AuditActor.System;
}
