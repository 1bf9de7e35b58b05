using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Users;
using Scrm.Tests.Data;
using Scrm.Web.Features.Templates;
using Scrm.Web.Security;

namespace Scrm.Tests.Web.Templates;

/// <summary>The real <see cref="TemplateService"/> over a migrated SQLite database, for an admin who is signed in.</summary>
internal static class SignedInAdmin
{
    private const string UserId = "admin-1";

    public static void Register(BunitContext context, SqliteDatabase database)
    {
        context.Services.AddSingleton<IDbContextFactory<ScrmDbContext>>(new Factory(database));
        context.Services.AddSingleton<UnitOfWork>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<TemplateService>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(RoleSets.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    /// <summary>
    /// Gives the signed-in admin their login and profile in <paramref name="database"/>, once: every command checks that the
    /// database still backs the actor's session.
    /// </summary>
    public static async ValueTask AddToAsync(SqliteDatabase database)
    {
        await using var db = database.CreateContext();
        if (await db.UserProfiles.AnyAsync(p => p.Id == UserId))
        {
            return;
        }

        db.Users.Add(new ScrmUser { Id = UserId, UserName = "admin" });
        db.UserProfiles.Add(new UserProfile(UserId, "admin", "Admin", Role.Admin));
        await db.SaveChangesAsync();
    }

    private sealed class Factory(SqliteDatabase database) : IDbContextFactory<ScrmDbContext>
    {
        public ScrmDbContext CreateDbContext() => database.CreateContext();
    }
}
