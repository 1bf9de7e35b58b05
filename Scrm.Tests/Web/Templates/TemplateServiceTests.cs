using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Templates;
using Scrm.Web.Security;
using Scrm.Domain.Common;
using Scrm.Web.Features.Templates;
using Xunit;

namespace Scrm.Tests.Web.Templates;

public sealed class TemplateServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_RefusesANameThatDiffersOnlyInCase()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<TemplateService>();
        var admin = await app.ActorAsync("admin");
        await templates.CreateAsync(admin, "Aircon Service", null, Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => templates.CreateAsync(admin, "aircon service", null, Ct));

        Assert.Equal(("TemplateNameTaken", "Name"), (refused.Code, refused.Field));
    }

    [Fact]
    public async Task LoserOfANameRace_GetsTheNameTakenRefusal_NotADatabaseError()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<TemplateService>();
        await templates.CreateAsync(await app.ActorAsync("admin"), "Boiler Service", null, Ct);

        // The app's own check passed a moment ago for both admins; only the unique index sees the second save.
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        db.TicketTemplates.Add(new TicketTemplate("BOILER SERVICE", null));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            db.SaveChangesOrConflictAsync(Ct, () => new DomainException("TemplateNameTaken", "taken")));

        Assert.Equal("TemplateNameTaken", refused.Code);
    }

    [Fact]
    public async Task EachSavedChange_RaisesTheVersionByOne_AndAChangeThatChangesNothingKeepsIt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<TemplateService>();
        var admin = await app.ActorAsync("admin");
        var id = await templates.CreateAsync(admin, "Chiller Service", null, Ct);
        var created = (await templates.GetAsync(admin, id, Ct))!.Version;

        var added = await templates.AddFieldAsync(admin, id, created, new FieldForm { Key = "model", Label = "Model" }, Ct);
        var unmoved = await templates.MoveFieldAsync(admin, id, added, "model", -1, Ct); // already first: nothing to save
        var relabelled = await templates.UpdateFieldAsync(admin, id, unmoved, "model", new FieldForm { Label = "Model number" }, Ct);

        Assert.Equal((1L, 2L, 2L, 3L), (created, added, unmoved, relabelled));
        Assert.Equal(3, (await templates.GetAsync(admin, id, Ct))!.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => templates.RemoveFieldAsync(admin, id, added, "model", Ct));
    }

    [Fact]
    public async Task NonAdmins_CannotReadOrChangeTemplates()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<TemplateService>();
        var supervisor = await app.ActorAsync("supervisor");

        await Assert.ThrowsAsync<ForbiddenException>(() => templates.ListAsync(supervisor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.CreateAsync(supervisor, "Not mine to make", null, Ct));
    }
}
