using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Features.Users;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// The last-admin rule on real SQLite. An admin acting is an active admin (the unit of work checks the session), so the
/// rule only bites when the other admin left between that check and the change: here the other admin's deactivation is
/// committed at exactly that moment, and the change must be refused with nothing saved.
/// </summary>
public sealed class UserAdministrationTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeactivatingTheLastActiveAdmin_IsRefused_AndNothingChanges()
    {
        var (actor, other) = await TwoAdminsAsync();
        var users = Service(whileChecking: () => DeactivateAsync(actor.UserId));
        var version = await VersionAsync(other);

        var refused = await Assert.ThrowsAsync<DomainException>(() => users.DeactivateAsync(actor, other, version, Ct));

        Assert.Equal("LastAdmin", refused.Code);
        await using var db = database.CreateContext();
        var profile = await db.UserProfiles.SingleAsync(p => p.Id == other, Ct);
        Assert.Equal((true, version), (profile.IsActive, profile.Version));
    }

    [Fact]
    public async Task DemotingTheLastActiveAdmin_IsRefused_AndNothingChanges()
    {
        var (actor, other) = await TwoAdminsAsync();
        var users = Service(whileChecking: () => DeactivateAsync(actor.UserId));
        var version = await VersionAsync(other);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            users.EditAsync(actor, other, new UserForm { DisplayName = "Other admin", Role = Role.Supervisor, Version = version }, Ct));

        Assert.Equal("LastAdmin", refused.Code);
        await using var db = database.CreateContext();
        var profile = await db.UserProfiles.SingleAsync(p => p.Id == other, Ct);
        Assert.Equal((Role.Admin, version), (profile.Role, profile.Version));
    }

    [Fact]
    public async Task TwoAdminsRemovingEachOtherAtOnce_TheSecondWriteIsRefused_AndAnAdminRemains()
    {
        var (actor, other) = await TwoAdminsAsync();
        // The other admin's removal of this one commits after this one's checks passed, just before its write.
        var users = new UserAdminService(new UnitOfWork(new Factory(database, new BeforeWrite(() => DeactivateAsync(actor.UserId)))),
            new PasswordHasher<ScrmUser>(), null!, TimeProvider.System);
        var version = await VersionAsync(other);

        var refused = await Assert.ThrowsAsync<DomainException>(() => users.DeactivateAsync(actor, other, version, Ct));

        Assert.Equal("LastAdmin", refused.Code);
        await using var db = database.CreateContext();
        var profile = await db.UserProfiles.SingleAsync(p => p.Id == other, Ct);
        Assert.Equal((true, version), (profile.IsActive, profile.Version));
    }

    [Fact]
    public async Task WithASecondActiveAdmin_AnAdminCanBeDemotedOrDeactivated()
    {
        var (actor, other) = await TwoAdminsAsync();
        var users = Service(whileChecking: null);

        var version = await users.EditAsync(actor, other, new UserForm { DisplayName = "Other admin", Role = Role.Supervisor, Version = await VersionAsync(other) }, Ct);
        await users.DeactivateAsync(actor, other, version, Ct);

        await using var db = database.CreateContext();
        var profile = await db.UserProfiles.SingleAsync(p => p.Id == other, Ct);
        Assert.Equal((Role.Supervisor, false), (profile.Role, profile.IsActive));
    }

    [Fact]
    public async Task ANameTakenBetweenTheCheckAndTheSave_GetsTheSameRefusalBesideTheField_AndNothingIsSaved()
    {
        var (actor, _) = await TwoAdminsAsync();
        var name = $"race.{database.Next()}";
        // Commands: the session check, the name check, then the regions check — another admin's save lands there.
        var users = Service(whileChecking: () => AddLoginAsync(name.ToUpperInvariant()), atCommand: 3);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            users.CreateAsync(actor, new UserForm { UserName = name, DisplayName = "Race", Role = Role.Agent }, Ct));

        Assert.Equal(("UserNameTaken", "UserName"), (refused.Code, refused.Field));
        await using var db = database.CreateContext();
        Assert.False(await db.UserProfiles.AnyAsync(p => p.UserName == name, Ct));
    }

    /// <summary>The service over this database; <paramref name="whileChecking"/> runs just before command number <paramref name="atCommand"/> (the first is the session check).</summary>
    private UserAdminService Service(Func<Task>? whileChecking, int atCommand = 2)
    {
        var interceptor = new CommandHook(whileChecking, atCommand);
        // The ticket service is not used by the commands tested here.
        return new UserAdminService(new UnitOfWork(new Factory(database, interceptor)), new PasswordHasher<ScrmUser>(), null!, TimeProvider.System);
    }

    private async Task<(Actor Actor, string Other)> TwoAdminsAsync()
    {
        var n = database.Next();
        var (first, second) = ($"admin-a-{n}", $"admin-b-{n}");
        await using var db = database.CreateContext();
        foreach (var id in new[] { first, second })
        {
            db.Users.Add(new ScrmUser { Id = id, UserName = id, NormalizedUserName = UserNames.Normalize(id), SecurityStamp = "s" });
            db.UserProfiles.Add(new UserProfile(id, id, "Admin " + id, Role.Admin));
        }

        // Admins of earlier tests in this class are not the ones acting here.
        await db.UserProfiles.Where(p => p.Role == Role.Admin && p.Id != first && p.Id != second).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false), Ct);
        await db.SaveChangesAsync(Ct);
        return (new Actor(first, "Admin " + first, Role.Admin, ActorChannel.Web), second);
    }

    private async Task<long> VersionAsync(string id)
    {
        await using var db = database.CreateContext();
        return await db.UserProfiles.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(Ct);
    }

    private async Task DeactivateAsync(string id)
    {
        await using var db = database.CreateContext();
        await db.UserProfiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false), Ct);
    }

    private sealed class Factory(SqliteDatabase database, IInterceptor interceptor) : IDbContextFactory<ScrmDbContext>
    {
        public ScrmDbContext CreateDbContext() => database.CreateContext(interceptor: interceptor);
    }

    private async Task AddLoginAsync(string userName)
    {
        await using var db = database.CreateContext();
        db.Users.Add(new ScrmUser { Id = Guid.NewGuid().ToString(), UserName = userName, NormalizedUserName = UserNames.Normalize(userName), SecurityStamp = "s" });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Runs an action once, just before the command's write transaction begins.</summary>
    private sealed class BeforeWrite(Func<Task> action) : DbTransactionInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await action();
            }

            return result;
        }
    }

    /// <summary>Runs an action once, just before the query number <paramref name="at"/>.</summary>
    private sealed class CommandHook(Func<Task>? action, int at) : DbCommandInterceptor
    {
        private int _count;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (++_count == at && action is not null)
            {
                await action();
            }

            return result;
        }
    }
}
