using Microsoft.Extensions.DependencyInjection;
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
}
