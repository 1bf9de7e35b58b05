using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Scrm.Data.Providers;

/// <summary>The production database. Exists so SQL Server has its own migration set.</summary>
public sealed class SqlServerScrmDbContext(DbContextOptions<SqlServerScrmDbContext> options) : ScrmDbContext(options)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.UseSqlServer(sql => sql.UseQuerySplittingBehavior(DefaultQuerySplitting));
    }
}

/// <summary>Used by <c>dotnet ef</c> only; no server is contacted to add migrations or script them.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerScrmDbContext>
{
    public SqlServerScrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerScrmDbContext>().UseSqlServer("Server=.;Database=Scrm;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
