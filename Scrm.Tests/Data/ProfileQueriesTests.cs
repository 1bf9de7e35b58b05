using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Users;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>The names lists show for people, read on real SQLite without the collections a profile loads with.</summary>
public sealed class ProfileQueriesTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisplayNames_AreTheKnownIds_OnceEach_FromTheProfileColumnsAlone()
    {
        var n = database.Next();
        var (wang, li) = ($"wang-{n}", $"li-{n}");
        await using (var db = database.CreateContext())
        {
            foreach (var (id, name, role) in new[] { (wang, "王师傅", Role.Technician), (li, "李主管", Role.Supervisor) })
            {
                db.Users.Add(new ScrmUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), SecurityStamp = "s" });
                db.UserProfiles.Add(new UserProfile(id, id, name, role));
            }

            await db.SaveChangesAsync(Ct);
        }

        var commands = new CommandTexts();
        await using var read = database.CreateContext(interceptor: commands);
        var names = await read.UserProfiles.DisplayNamesAsync([wang, null, "nobody", wang, li], Ct);

        Assert.Equal(new Dictionary<string, string> { [wang] = "王师傅", [li] = "李主管" }, names);
        var sql = Assert.Single(commands.Texts);
        Assert.DoesNotContain("UserRegions", sql);
        Assert.DoesNotContain("UserSkills", sql);
    }

    private sealed class CommandTexts : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
