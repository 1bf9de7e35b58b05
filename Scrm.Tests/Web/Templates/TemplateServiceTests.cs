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
    [Fact]
    public async Task CreateAsync_RefusesANameThatDiffersOnlyInCase()
    {
        await using var scope = await app.SignInAsync("admin");
        var templates = scope.ServiceProvider.GetRequiredService<TemplateService>();
        await templates.CreateAsync("Aircon Service", null, TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<DomainException>(() => templates.CreateAsync("aircon service", null, TestContext.Current.CancellationToken));

        Assert.Equal(("TemplateNameTaken", "Name"), (refused.Code, refused.Field));
    }

    [Fact]
    public async Task LoserOfANameRace_GetsTheNameTakenRefusal_NotADatabaseError()
    {
        await using var scope = await app.SignInAsync("admin");
        var templates = scope.ServiceProvider.GetRequiredService<TemplateService>();
        await templates.CreateAsync("Boiler Service", null, TestContext.Current.CancellationToken);

        // The app's own check passed a moment ago for both admins; only the unique index sees the second save.
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.TicketTemplates.Add(new TicketTemplate("BOILER SERVICE", null));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            db.SaveChangesOrConflictAsync(TestContext.Current.CancellationToken, () => new DomainException("TemplateNameTaken", "taken")));

        Assert.Equal("TemplateNameTaken", refused.Code);
    }
}
