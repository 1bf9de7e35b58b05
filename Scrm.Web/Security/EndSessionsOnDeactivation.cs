using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>
/// A deactivated user's login gets a new security stamp in the same transaction: every cookie and open circuit they
/// hold stops matching it (SessionValidator), so nothing they opened before keeps working, even if they are reactivated.
/// </summary>
public sealed class EndSessionsOnDeactivation : InTransactionHandler<UserDeactivated>
{
    protected override async Task HandleAsync(UserDeactivated domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == domainEvent.User.Id, ct) is { } login)
        {
            login.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }
}
