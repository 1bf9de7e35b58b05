using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Scrm.Data.Providers;

/// <summary>The embedded default database. Exists so SQLite has its own migration set.</summary>
public sealed class SqliteScrmDbContext(DbContextOptions<SqliteScrmDbContext> options) : ScrmDbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.UseSqlite(sqlite => sqlite.UseQuerySplittingBehavior(DefaultQuerySplitting));
    }
}

/// <summary>Used by <c>dotnet ef</c> only.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteScrmDbContext>
{
    public SqliteScrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteScrmDbContext>().UseSqlite("Data Source=design.db").Options);
}
