using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scrm.Data;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>The names lists show for people, read on real SQLite without the collections a profile loads with.</summary>
public sealed class ProfileQueriesTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisplayNames_AreTheKnownIds_OnceEach_FromTheProfileColumnsAlone()
    {
        var wang = await database.SaveUserAsync("王师傅");
        var li = await database.SaveUserAsync("李主管");

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
