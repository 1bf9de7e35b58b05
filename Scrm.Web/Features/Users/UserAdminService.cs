using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Auditing;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Users;

/// <summary>
/// Admin work on people's accounts: the profile (through its domain methods) and the login together, each command in
/// one save. Edits name the profile version they were made on. Temporary passwords are returned once and kept only as hashes.
/// </summary>
public sealed class UserAdminService(UnitOfWork work, IPasswordHasher<ScrmUser> hasher, TicketService tickets, TimeProvider time)
{
    public Task<PagedUsers> ListAsync(Actor actor, UserQuery query, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync((db, token) => UserListQuery.RunAsync(db, query, time, token), ct);
    }

    public Task<UserDetail?> GetAsync(Actor actor, string id, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync((db, token) => UserDetails.LoadAsync(db, id, time, token), ct);
    }

    /// <summary>What the user dialog offers: regions not retired, skills and partner types.</summary>
    public Task<UserFormChoices> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync(async (db, token) =>
        {
            var names = await UserNamesLookup.LoadAsync(db, token);
            return new UserFormChoices(names.ActiveRegions, names.Skills, names.PartnerTypes, ChinaTime.Today(time));
        }, ct);
    }

    /// <summary>Creates the login and its profile in one save; the temporary password must be changed at the first sign-in.</summary>
    public Task<CreatedUser> CreateAsync(Actor actor, UserForm form, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            if (form.Role == Role.Customer)
            {
                throw new DomainException("UserRoleCustomer", "A customer's login is made from their customer record, not here.") { Field = "Role" };
            }

            var userName = UserNames.Validate(form.UserName);
            var normalized = UserNames.Normalize(userName);
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, token))
            {
                throw UserNameTaken(userName);
            }

            var password = TemporaryPasswords.New(userName);
            var login = ScrmUser.Create(userName, password, hasher);

            var profile = new UserProfile(login.Id, userName, form.DisplayName ?? "", form.Role);
            profile.UpdateDetails(form.DisplayName ?? "", form.Phone, form.WeComUserId);
            await ApplyLinksAsync(db, profile, form, token);
            profile.EnsureComplete();
            profile.RequirePasswordChange();

            db.Users.Add(login);
            db.UserProfiles.Add(profile);
            // Another admin may have taken the name a moment ago: the unique index refuses it with the same message.
            await db.SaveChangesOrConflictAsync(token, () => UserNameTaken(userName));
            return new CreatedUser(login.Id, userName, password);
        }, ct);
    }

    /// <summary>Details, role, regions, skills and WeCom id; a partner type other than the latest starts a new period.</summary>
    public Task<long> EditAsync(Actor actor, string id, UserForm form, CancellationToken ct = default) =>
        MutateAsync(actor, id, form.Version, async (db, profile, _, token) =>
        {
            if (form.Role != profile.Role)
            {
                if (id == actor.UserId)
                {
                    throw new DomainException("ChangeOwnRole", "You cannot change your own role; ask another admin.") { Field = "Role" };
                }

                if (profile.Role == Role.Admin && profile.IsActive)
                {
                    await EnsureAnotherActiveAdminAsync(db, id, token);
                }
            }

            profile.UpdateDetails(form.DisplayName ?? "", form.Phone, form.WeComUserId);
            await ApplyLinksAsync(db, profile, form, token);
            if (form.Role != profile.Role)
            {
                profile.ChangeRole(form.Role);
            }

            profile.EnsureComplete();
        }, ct);

    /// <summary>Ends the user's access; their sessions end with the new security stamp (EndSessionsOnDeactivation).</summary>
    public Task<long> DeactivateAsync(Actor actor, string id, long version, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, profile, _, token) =>
        {
            if (id == actor.UserId)
            {
                throw new DomainException("DeactivateSelf", "You cannot deactivate your own account; ask another admin.");
            }

            if (profile.Role == Role.Admin && profile.IsActive)
            {
                await EnsureAnotherActiveAdminAsync(db, id, token);
            }

            profile.Deactivate();
        }, ct);

    public Task<long> ReactivateAsync(Actor actor, string id, long version, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, (_, profile, _, _) =>
        {
            profile.Reactivate();
            return Task.CompletedTask;
        }, ct);

    /// <summary>A new temporary password, returned once; the old one and every session stop working.</summary>
    public async Task<PasswordReset> ResetPasswordAsync(Actor actor, string id, long version, CancellationToken ct = default)
    {
        string password = "";
        var newVersion = await MutateAsync(actor, id, version, (db, profile, login, _) =>
        {
            password = TemporaryPasswords.New(login.UserName ?? profile.UserName);
            login.PasswordHash = hasher.HashPassword(login, password);
            login.SecurityStamp = Guid.NewGuid().ToString("N");
            profile.RequirePasswordChange();
            AuditTrail.LoginChanged(db, id, "Password", null, "Reset");
            return Task.CompletedTask;
        }, ct);
        return new PasswordReset(newVersion, password);
    }

    /// <summary>Lets a user locked out by failed sign-ins try again now.</summary>
    public Task<long> UnlockAsync(Actor actor, string id, long version, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, (db, _, login, _) =>
        {
            if (login.LockoutEnd is { } until)
            {
                AuditTrail.LoginChanged(db, id, "Lockout", ChinaTime.Format(until.UtcDateTime), null);
            }

            login.LockoutEnd = null;
            login.AccessFailedCount = 0;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Open tickets assigned to the user: to hand over before or after deactivating them.</summary>
    public Task<IReadOnlyList<OpenTicketRow>> OpenTicketsAsync(Actor actor, string id, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync<IReadOnlyList<OpenTicketRow>>(async (db, token) => await OpenTickets(db, id)
            .OrderBy(t => t.Number)
            .Select(t => new OpenTicketRow(t.Id, t.Number, t.Title, t.Status, db.Regions.Where(r => r.Id == t.RegionId).Select(r => r.Name).FirstOrDefault()))
            .ToListAsync(token), ct);
    }

    /// <summary>Who may take the user's tickets over: the other active technicians (the ticket command accepts only them).</summary>
    public Task<IReadOnlyList<Option<string>>> AssigneesAsync(Actor actor, string id, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync<IReadOnlyList<Option<string>>>(async (db, token) => await db.UserProfiles.AsNoTracking()
            .Where(u => u.IsActive && u.Role == Role.Technician && u.Id != id)
            .OrderBy(u => u.DisplayName).Select(u => new Option<string>(u.Id, u.DisplayName)).ToListAsync(token), ct);
    }

    /// <summary>
    /// Hands the chosen tickets of the user to <paramref name="assigneeId"/> through the ticket edit command, one ticket at
    /// a time (each its own save, audited as the admin's edit). Tickets no longer the user's or no longer open are skipped.
    /// Returns how many moved.
    /// </summary>
    public async Task<int> ReassignAsync(Actor actor, string id, IReadOnlyCollection<long> ticketIds, string assigneeId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        var theirs = await work.ReadAsync((db, token) => OpenTickets(db, id).Where(t => ticketIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(token), ct);
        foreach (var ticketId in theirs)
        {
            var view = await tickets.GetAsync(actor, ticketId, ct) ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
            var form = TicketForm.Edit(view);
            form.AssigneeId = assigneeId;
            await tickets.EditAsync(actor, ticketId, form, ct);
        }

        return theirs.Count;
    }

    public Task<IReadOnlyList<UserHistoryRow>> HistoryAsync(Actor actor, string id, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync((db, token) => UserHistoryQuery.RunAsync(db, id, token), ct);
    }

    private static IQueryable<Ticket> OpenTickets(ScrmDbContext db, string id) =>
        db.Tickets.AsNoTracking().Where(t => t.AssigneeId == id && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled);

    /// <summary>Applies one change to the profile (and its login) as the admin saw it at <paramref name="version"/>; returns the new version.</summary>
    private async Task<long> MutateAsync(Actor actor, string id, long version,
        Func<ScrmDbContext, UserProfile, ScrmUser, CancellationToken, Task> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var profile = await db.UserProfiles.SingleOrDefaultAsync(p => p.Id == id, token)
                ?? throw new DomainException("UserNotFound", "The user no longer exists.");
            var login = await db.Users.SingleAsync(u => u.Id == id, token);
            if (profile.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            var wasActiveAdmin = profile is { Role: Role.Admin, IsActive: true };
            await change(db, profile, login, token);

            // The check before the change reads outside the write; two admins removing each other at once would both pass
            // it. Asked again after the write, in its transaction (writers queue behind each other), the loser rolls back.
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.SaveChangesOrConflictAsync(token);
            if (wasActiveAdmin && profile is not { Role: Role.Admin, IsActive: true })
            {
                await EnsureAnotherActiveAdminAsync(db, id, token);
            }

            await transaction.CommitAsync(token);
            return profile.Version;
        }, ct);
    }

    /// <summary>Regions, skills and (new) partner type from the form, each checked to exist: a forged id is refused, not saved.</summary>
    private async Task ApplyLinksAsync(ScrmDbContext db, UserProfile profile, UserForm form, CancellationToken ct)
    {
        var regionIds = form.RegionIds.Distinct().ToList();
        if (await db.Regions.CountAsync(r => regionIds.Contains(r.Id) && !r.IsRetired, ct) != regionIds.Count)
        {
            throw new DomainException("UserRegionInvalid", "Choose regions from the list; a retired region cannot be assigned.") { Field = "RegionIds" };
        }

        var skillIds = form.SkillIds.Distinct().ToList();
        if (await db.SkillTags.CountAsync(s => skillIds.Contains(s.Id), ct) != skillIds.Count)
        {
            throw new DomainException("UserSkillInvalid", "Choose skills from the list.") { Field = "SkillIds" };
        }

        profile.AssignRegions(regionIds);
        profile.AssignSkills(skillIds);
        if (form.PartnerTypeId is { } typeId && typeId != profile.PartnerTypes.LastOrDefault()?.PartnerTypeId)
        {
            var type = await db.PartnerTypes.SingleOrDefaultAsync(t => t.Id == typeId, ct)
                ?? throw new DomainException("PartnerTypeNotFound", "Choose a partner type from the list.") { Field = "PartnerTypeId" };
            profile.ChangePartnerType(type, form.PartnerTypeFrom ?? ChinaTime.Today(time));
        }
    }

    /// <summary>Someone must stay able to administer: checked in the same unit of work as the change it guards.</summary>
    private static async Task EnsureAnotherActiveAdminAsync(ScrmDbContext db, string id, CancellationToken ct)
    {
        if (!await db.UserProfiles.AnyAsync(p => p.Id != id && p.IsActive && p.Role == Role.Admin, ct))
        {
            throw new DomainException("LastAdmin", "This is the last active admin: make someone else an admin first.");
        }
    }

    private static DomainException UserNameTaken(string userName) =>
        new("UserNameTaken", $"The user name {userName} is taken (case and full-width letters do not count).", userName) { Field = "UserName" };
}
