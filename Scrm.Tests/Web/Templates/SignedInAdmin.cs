using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Tests.Data;
using Scrm.Web.Features.Templates;
using Scrm.Web.Security;

namespace Scrm.Tests.Web.Templates;

/// <summary>The real <see cref="TemplateService"/> over a migrated SQLite database, for an admin who is signed in.</summary>
internal static class SignedInAdmin
{
    public static void Register(BunitContext context, SqliteDatabase database)
    {
        context.Services.AddSingleton<IDbContextFactory<ScrmDbContext>>(new Factory(database));
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<TemplateService>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(RoleSets.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin-1"));
    }

    private sealed class Factory(SqliteDatabase database) : IDbContextFactory<ScrmDbContext>
    {
        public ScrmDbContext CreateDbContext() => database.CreateContext();
    }
}
