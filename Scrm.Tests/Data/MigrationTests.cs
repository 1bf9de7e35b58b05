using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Scrm.Data.Providers;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = Sqlite();

        Assert.False(db.Database.HasPendingModelChanges(), "Run Scrm.Data/migrations.sh <Name>: the SQLite model changed without a migration.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServer();

        Assert.False(db.Database.HasPendingModelChanges(), "Run Scrm.Data/migrations.sh <Name>: the SQL Server model changed without a migration.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();

        Assert.Equal(Names(sqlite), Names(sqlServer));
        Assert.NotEmpty(Names(sqlite));
    }

    [Fact]
    public void SqlServerScript_CreatesTicketsWithUniqueNumber()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Tickets]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Tickets_Number] ON [Tickets] ([Number]);", script, StringComparison.Ordinal);
        Assert.Contains("[Number] nvarchar(20) NOT NULL", script, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE SCHEMA", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerScript_WidensTextColumns_SoLimitsCountCharactersNotUnits()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript();

        // A title of 100 characters outside the basic plane (𠀀) is 200 UTF-16 units; nvarchar counts units.
        Assert.Contains("ALTER TABLE [Tickets] ALTER COLUMN [Title] nvarchar(200) NOT NULL;", script, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [TicketTemplates] ALTER COLUMN [NameKey] nvarchar(100) NOT NULL;", script, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [Customers] ALTER COLUMN [Name] nvarchar(200) NOT NULL;", script, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [FieldDefinition] ALTER COLUMN [Options] nvarchar(max) NOT NULL;", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteScript_CreatesTicketsWithUniqueNumber()
    {
        using var db = Sqlite();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Tickets\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX \"IX_Tickets_Number\" ON \"Tickets\" (\"Number\");", script, StringComparison.Ordinal);
    }

    // Migration ids are "<timestamp>_<Name>"; the timestamps differ between the two sets.
    private static List<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();

    private static SqliteScrmDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteScrmDbContext>().UseSqlite("DataSource=:memory:").Options);

    // No server is contacted: comparing the model and generating SQL need no connection.
    private static SqlServerScrmDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerScrmDbContext>().UseSqlServer("Server=.;Database=x;Trusted_Connection=True").Options);
}
