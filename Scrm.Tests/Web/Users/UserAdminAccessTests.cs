using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Features.Users;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Users;

/// <summary>
/// Every public UserAdminService method × every role, called directly as a forged circuit call would. Callers other than
/// the admin pass real arguments (the current version, a valid form), so a method that let them through would change
/// data: it must refuse with <see cref="ForbiddenException"/> and leave the target and the user list as they were. The
/// admin's calls are made to fail harmlessly afterwards (stale version, empty name).
/// </summary>
public sealed class UserAdminAccessTests(UserAdminFixture app) : IClassFixture<UserAdminFixture>
{
    private const long StaleVersion = -1;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] Callers = ["admin", "supervisor", "agent", "tech1", "finance", "sales", "customer"];

    public static readonly string[] Methods =
        ["List", "Get", "Choices", "Create", "Edit", "Deactivate", "Reactivate", "ResetPassword", "Unlock", "OpenTickets", "Assignees", "Reassign", "History"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in Methods)
        {
            foreach (var caller in Callers)
            {
                data.Add(method, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OnlyTheAdmin_GetsThrough_AndAForgedCallChangesNothing(string method, string caller)
    {
        var actor = await app.ActorAsync(caller);
        var target = await app.IdOfAsync("tech2");
        var before = await StateAsync(target);
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var version = caller == "admin" ? StaleVersion : before.Version;

        var forbidden = await IsForbiddenAsync(() => Call(method, actor, users, target, version));

        Assert.Equal(caller != "admin", forbidden);
        Assert.Equal(before, await StateAsync(target));
    }

    [Fact]
    public void Table_CoversEveryPublicMethod()
    {
        var declared = typeof(UserAdminService).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name[..^"Async".Length]);

        Assert.Equal(declared.Order(), Methods.Order());
    }

    private Task Call(string method, Actor actor, UserAdminService users, string target, long version) => method switch
    {
        "List" => users.ListAsync(actor, new UserQuery(), Ct),
        "Get" => users.GetAsync(actor, target, Ct),
        "Choices" => users.ChoicesAsync(actor, Ct),
        "Create" => users.CreateAsync(actor, new UserForm { UserName = version == StaleVersion ? "" : "forged.user", DisplayName = "Forged", Role = Role.Admin }, Ct),
        "Edit" => users.EditAsync(actor, target, new UserForm { DisplayName = "Forged", Role = Role.Admin, Version = version }, Ct),
        "Deactivate" => users.DeactivateAsync(actor, target, version, Ct),
        "Reactivate" => users.ReactivateAsync(actor, target, version, Ct),
        "ResetPassword" => users.ResetPasswordAsync(actor, target, version, Ct),
        "Unlock" => users.UnlockAsync(actor, target, version, Ct),
        "OpenTickets" => users.OpenTicketsAsync(actor, target, Ct),
        "Assignees" => users.AssigneesAsync(actor, target, Ct),
        "Reassign" => ReassignAsync(actor, users, target, version),
        "History" => users.HistoryAsync(actor, target, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Add the method to the table."),
    };

    // The admin reassigns nothing (an empty choice); anyone else tries to take all of the target's open tickets.
    private async Task ReassignAsync(Actor actor, UserAdminService users, string target, long version)
    {
        var open = version == StaleVersion ? [] : await users.OpenTicketsAsync(await app.ActorAsync("admin"), target, Ct);
        await users.ReassignAsync(actor, target, open.Select(t => t.Id).ToList(), await app.IdOfAsync("tech4"), Ct);
    }

    private async Task<(long Version, bool IsActive, string? Stamp, int Audits, int Users, int OpenTickets)> StateAsync(string id)
    {
        await using var db = await app.DbAsync();
        var profile = await db.UserProfiles.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
        return (profile.Version, profile.IsActive, await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync(Ct),
            await db.AuditEntries.CountAsync(Ct), await db.Users.CountAsync(Ct),
            await db.Tickets.CountAsync(t => t.AssigneeId == id, Ct));
    }

    /// <summary>Forbidden, or let through (what happens next — a stale version, an empty name — is not the policy's business).</summary>
    private static async Task<bool> IsForbiddenAsync(Func<Task> call)
    {
        try
        {
            await call();
            return false;
        }
        catch (ForbiddenException)
        {
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
