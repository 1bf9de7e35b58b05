using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data.Identity;
using Scrm.Domain.Auditing;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Features.Users;
using Xunit;

namespace Scrm.Tests.Web.Users;

/// <summary>User administration over the seeded demo company on SQLite: logins, rules, one save per command, audit.</summary>
public sealed class UserAdminServiceTests(UserAdminFixture app) : IClassFixture<UserAdminFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_MakesALoginThatSignsInWithTheTemporaryPassword_OnlyOnce()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await UserAdminFixture.Users(scope).CreateAsync(await app.ActorAsync("admin"),
            new UserForm { UserName = "new.agent", DisplayName = "新客服", Phone = "13800000001", Role = Role.Agent }, Ct);

        var logins = scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>();
        var login = await logins.FindByNameAsync("NEW.AGENT");
        Assert.NotNull(login);
        Assert.Equal(created.Id, login.Id);
        Assert.True(await logins.CheckPasswordAsync(login, created.TemporaryPassword));
        Assert.Equal(12, created.TemporaryPassword.Length);
        Assert.Empty(PasswordPolicy.Check("new.agent", created.TemporaryPassword));
        Assert.True(login.LockoutEnabled);
        await using var db = await app.DbAsync();
        var profile = await db.UserProfiles.SingleAsync(p => p.Id == created.Id, Ct);
        Assert.True(profile.MustChangePassword);
        Assert.DoesNotContain(await db.AuditEntries.Where(a => a.UserId == created.Id).ToListAsync(Ct),
            a => (a.Before ?? "").Contains(created.TemporaryPassword, StringComparison.Ordinal) || (a.After ?? "").Contains(created.TemporaryPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_RefusesAUserNameTakenInAnyCaseOrWidth_SavingNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        await users.CreateAsync(admin, new UserForm { UserName = "Zhang.Wei", DisplayName = "张伟", Role = Role.Agent }, Ct);
        var before = await CountsAsync();

        foreach (var name in new[] { "zhang.wei", "ZHANG.WEI", "ｚｈａｎｇ.ｗｅｉ" })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                users.CreateAsync(admin, new UserForm { UserName = name, DisplayName = "另一个张伟", Role = Role.Agent }, Ct));
            Assert.Equal(("UserNameTaken", "UserName"), (refused.Code, refused.Field));
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_RefusesATechnicianWithoutAPartnerType_SavingNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var before = await CountsAsync();

        var admin = await app.ActorAsync("admin");
        var refused = await Assert.ThrowsAsync<DomainException>(() => UserAdminFixture.Users(scope).CreateAsync(admin,
            new UserForm { UserName = "tech.new", DisplayName = "新师傅", Role = Role.Technician }, Ct));

        Assert.Equal(("TechnicianNeedsPartnerType", "PartnerTypeId"), (refused.Code, refused.Field));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_GivesATechnicianTheirPartnerTypeFromTheChosenDate()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var choices = await users.ChoicesAsync(admin, Ct);
        var franchise = choices.PartnerTypes.Single(t => t.Name == "加盟");
        var hangzhou = choices.Regions.Single(r => r.Label == "浙江省 / 杭州");

        var created = await users.CreateAsync(admin, new UserForm
        {
            UserName = "tech.hz", DisplayName = "杭州师傅", Role = Role.Technician, RegionIds = [hangzhou.Id],
            SkillIds = [choices.Skills.Single(s => s.Name == "空调").Id], PartnerTypeId = franchise.Id, PartnerTypeFrom = new DateOnly(2026, 11, 1),
        }, Ct);

        var user = await users.GetAsync(admin, created.Id, Ct);
        Assert.NotNull(user);
        Assert.Equal([new PartnerTypeStep(franchise.Id, "加盟", new DateOnly(2026, 11, 1))], user.PartnerTypes);
        Assert.Equal(["浙江省 / 杭州"], user.Regions.Select(r => r.Label));
        Assert.Equal(["空调"], user.Skills.Select(s => s.Name));
    }

    [Fact]
    public async Task Edit_AppendsANewPartnerType_AndRefusesOneNotAfterTheLast()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var tech = (await users.GetAsync(admin, await app.IdOfAsync("tech3"), Ct))!;
        var own = (await users.ChoicesAsync(admin, Ct)).PartnerTypes.Single(t => t.Name == "自营");

        var early = UserForm.Edit(tech);
        early.PartnerTypeId = own.Id;
        early.PartnerTypeFrom = new DateOnly(2023, 12, 31);
        var refused = await Assert.ThrowsAsync<DomainException>(() => users.EditAsync(admin, tech.Id, early, Ct));
        var form = UserForm.Edit(tech);
        form.PartnerTypeId = own.Id;
        form.PartnerTypeFrom = new DateOnly(2026, 12, 1);
        await users.EditAsync(admin, tech.Id, form, Ct);

        Assert.Equal(("EffectiveDateNotAfterLast", "PartnerTypeFrom"), (refused.Code, refused.Field));
        var after = (await users.GetAsync(admin, tech.Id, Ct))!;
        Assert.Equal(["第三方 2024-01-01", "自营 2026-12-01"], after.PartnerTypes.Select(p => $"{p.Name} {p.EffectiveFrom:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task History_OfASeededTechnician_ShowsBothPartnerTypes_AndNoPersonForTheSeeder()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");

        var history = await users.HistoryAsync(admin, await app.IdOfAsync("tech2"), Ct);

        var partnerTypes = history.Where(h => h.EntityType == "PartnerTypeChange").ToList();
        Assert.Equal(2, partnerTypes.Count);
        Assert.Contains(partnerTypes, h => h.After == "加盟 @ 2024-01-01");
        Assert.All(partnerTypes, h => Assert.Null(h.ActorName));
    }

    [Fact]
    public async Task Edit_IsAuditedBeforeAndAfter_WithTheAdminAsActor_AndLinkedNames()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var agent = (await users.GetAsync(admin, await app.IdOfAsync("agent2"), Ct))!;
        var huzhou = (await users.ChoicesAsync(admin, Ct)).Regions.Single(r => r.Label == "浙江省 / 湖州");
        var form = UserForm.Edit(agent);
        form.DisplayName = "陈静静";
        form.RegionIds = [huzhou.Id];

        var version = await users.EditAsync(admin, agent.Id, form, Ct);

        Assert.Equal(agent.Version + 1, version);
        var history = await users.HistoryAsync(admin, agent.Id, Ct);
        var renamed = history.Single(h => h.Field == "DisplayName");
        Assert.Equal(("王磊", "陈静", "陈静静"), (renamed.ActorName, renamed.Before, renamed.After));
        var region = history.Single(h => h.EntityType == "UserRegion");
        Assert.Equal((AuditAction.Created, "浙江省 / 湖州"), (region.Action, region.After));
        await Assert.ThrowsAsync<Scrm.Web.Security.ConcurrencyConflictException>(() => users.EditAsync(admin, agent.Id, form, Ct));
    }

    [Fact]
    public async Task DeactivatingYourself_OrChangingYourOwnRole_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var self = (await users.GetAsync(admin, admin.UserId, Ct))!;
        var demote = UserForm.Edit(self);
        demote.Role = Role.Supervisor;

        var deactivate = await Assert.ThrowsAsync<DomainException>(() => users.DeactivateAsync(admin, admin.UserId, self.Version, Ct));
        var role = await Assert.ThrowsAsync<DomainException>(() => users.EditAsync(admin, admin.UserId, demote, Ct));

        Assert.Equal(("DeactivateSelf", "ChangeOwnRole", "Role"), (deactivate.Code, role.Code, role.Field));
        var after = (await users.GetAsync(admin, admin.UserId, Ct))!;
        Assert.Equal((true, Role.Admin, self.Version), (after.IsActive, after.Role, after.Version));
    }

    [Fact]
    public async Task Deactivate_RenewsTheSecurityStamp_AndReactivateLetsThemBack()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var id = await app.IdOfAsync("sales");
        var stamp = await StampAsync(id);
        var user = (await users.GetAsync(admin, id, Ct))!;

        var version = await users.DeactivateAsync(admin, id, user.Version, Ct);

        Assert.NotEqual(stamp, await StampAsync(id));
        Assert.False((await users.GetAsync(admin, id, Ct))!.IsActive);
        await users.ReactivateAsync(admin, id, version, Ct);
        Assert.True((await users.GetAsync(admin, id, Ct))!.IsActive);
    }

    [Fact]
    public async Task ResetPassword_GivesANewTemporaryPassword_RenewsTheStamp_AndAuditsNoSecret()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var id = await app.IdOfAsync("finance");
        var stamp = await StampAsync(id);

        var reset = await users.ResetPasswordAsync(admin, id, (await users.GetAsync(admin, id, Ct))!.Version, Ct);

        var logins = scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>();
        var login = (await logins.FindByIdAsync(id))!;
        Assert.True(await logins.CheckPasswordAsync(login, reset.TemporaryPassword));
        Assert.False(await logins.CheckPasswordAsync(login, "Anjia@2026"));
        Assert.NotEqual(stamp, login.SecurityStamp);
        Assert.True((await users.GetAsync(admin, id, Ct))!.MustChangePassword);
        var row = (await users.HistoryAsync(admin, id, Ct)).Single(h => h.Field == "Password");
        Assert.Equal(("王磊", null, "Reset"), (row.ActorName, row.Before, row.After));
    }

    [Fact]
    public async Task Unlock_ClearsTheLockout_AndTheListShowsItNoMore()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var id = await app.IdOfAsync("agent3");
        await using (var db = await app.DbAsync())
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, TestApp.Now.AddMinutes(10)).SetProperty(u => u.AccessFailedCount, 5), Ct);
        }

        var locked = (await users.ListAsync(admin, new UserQuery { Search = "agent3" }, Ct)).Items.Single();
        await users.UnlockAsync(admin, id, (await users.GetAsync(admin, id, Ct))!.Version, Ct);

        Assert.True(locked.IsLocked);
        Assert.False((await users.ListAsync(admin, new UserQuery { Search = "agent3" }, Ct)).Items.Single().IsLocked);
        await using var after = await app.DbAsync();
        var login = await after.Users.SingleAsync(u => u.Id == id, Ct);
        Assert.Equal((null, 0), (login.LockoutEnd, login.AccessFailedCount));
        Assert.Equal("2026-11-25 14:10", (await users.HistoryAsync(admin, id, Ct)).Single(h => h.Field == "Lockout").Before);
    }

    [Fact]
    public async Task List_SearchesAnyCase_AndFiltersByRoleAndStatus()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");

        var byName = await users.ListAsync(admin, new UserQuery { Search = "TECH" }, Ct);
        var inactiveTechs = await users.ListAsync(admin, new UserQuery { Role = Role.Technician, Active = false }, Ct);
        var tech1 = (await users.ListAsync(admin, new UserQuery { Search = "赵强" }, Ct)).Items.Single();

        // Other tests of this class add users to the same database: the demo's are among the results, and nothing else is.
        Assert.Superset(new HashSet<string> { "tech0", "tech1", "tech2", "tech3", "tech4" }, byName.Items.Select(r => r.UserName).ToHashSet());
        Assert.All(byName.Items, r => Assert.Contains("tech", r.UserName + r.DisplayName, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(byName.Items, r => r.UserName == "admin");
        Assert.Contains(inactiveTechs.Items, r => r.UserName == "tech0");
        Assert.All(inactiveTechs.Items, r => Assert.Equal((Role.Technician, false), (r.Role, r.IsActive)));
        Assert.DoesNotContain(inactiveTechs.Items, r => r.UserName == "tech1");
        Assert.Equal("自营", tech1.PartnerType);
        Assert.Equal(["上海市 / 上海"], tech1.Regions);
        Assert.Equal(["冰箱", "空调"], tech1.Skills);
    }

    [Fact]
    public async Task Reassign_MovesTheChosenOpenTicketsToAnotherTechnician()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = UserAdminFixture.Users(scope);
        var admin = await app.ActorAsync("admin");
        var (from, to) = (await app.IdOfAsync("tech1"), await app.IdOfAsync("tech4"));
        var open = await users.OpenTicketsAsync(admin, from, Ct);
        Assert.NotEmpty(open);

        var moved = await users.ReassignAsync(admin, from, [open[0].Id], to, Ct);

        Assert.Equal(1, moved);
        Assert.DoesNotContain(await users.OpenTicketsAsync(admin, from, Ct), t => t.Id == open[0].Id);
        Assert.Contains(await users.OpenTicketsAsync(admin, to, Ct), t => t.Id == open[0].Id);
    }

    private async Task<(int Logins, int Profiles, int Audits)> CountsAsync()
    {
        await using var db = await app.DbAsync();
        return (await db.Users.CountAsync(Ct), await db.UserProfiles.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var db = await app.DbAsync();
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}
