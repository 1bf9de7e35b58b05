using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Tests.Web;
using Scrm.Web.Features.Regions;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>The tier list, partner types and skill tags on the migrated demo company (tiers A/B/C, 自营/加盟/第三方).</summary>
public sealed class ReferenceDataTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReferenceDataService Reference => app.Services.GetRequiredService<ReferenceDataService>();

    [Fact]
    public async Task Lists_AreTheSeededOnes_InTheirOrder()
    {
        var lists = await Reference.GetAsync(await app.ActorAsync("admin"), Ct);

        Assert.Equal(["A", "B", "C"], lists.Tiers.Take(3).Select(t => t.Code));
        Assert.Equal(["自营", "加盟", "第三方"], lists.PartnerTypes.Take(3).Select(t => t.Name));
        Assert.Contains(lists.SkillTags, t => t.Name == "空调" && t.Uses == 3);
    }

    [Fact]
    public async Task AddTier_NormalizesTheCode_AndRefusesATakenCode()
    {
        var admin = await app.ActorAsync("admin");

        await Reference.AddTierAsync(admin, " d ", "四档", Ct);
        var error = await Assert.ThrowsAsync<DomainException>(() => Reference.AddTierAsync(admin, "a", "另一个一档", Ct));

        Assert.Equal("TierCodeTaken", error.Code);
        Assert.Equal("Code", error.Field);
        var tiers = (await Reference.GetAsync(admin, Ct)).Tiers;
        Assert.Equal("四档", tiers.Single(t => t.Code == "D").Name);
        Assert.Single(tiers, t => t.Code == "A");
    }

    [Fact]
    public async Task PartnerType_IsAdded_AndADuplicateIsRefused_AlsoOnRename()
    {
        var admin = await app.ActorAsync("admin");

        var id = await Reference.AddPartnerTypeAsync(admin, "合伙人", Ct);
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => Reference.AddPartnerTypeAsync(admin, " 加盟 ", Ct));
        var row = (await Reference.GetAsync(admin, Ct)).PartnerTypes.Single(t => t.Id == id);
        var renamed = await Assert.ThrowsAsync<DomainException>(() => Reference.RenamePartnerTypeAsync(admin, id, row.Version, "自营", Ct));

        Assert.Equal("PartnerTypeNameTaken", duplicate.Code);
        Assert.Equal("Name", duplicate.Field);
        Assert.Equal("PartnerTypeNameTaken", renamed.Code);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.PartnerTypes.CountAsync(t => t.Name == "加盟", Ct));
        Assert.Equal("合伙人", (await db.PartnerTypes.SingleAsync(t => t.Id == id, Ct)).Name);
    }

    [Fact]
    public async Task SkillTag_IsRenamed_OnTheVersionSeen()
    {
        var admin = await app.ActorAsync("admin");
        var id = await Reference.AddSkillTagAsync(admin, "地暖", Ct);
        var version = (await Reference.GetAsync(admin, Ct)).SkillTags.Single(t => t.Id == id).Version;

        await Reference.RenameSkillTagAsync(admin, id, version, "地暖维修", Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Reference.RenameSkillTagAsync(admin, id, version, "地暖安装", Ct));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => Reference.AddSkillTagAsync(admin, "空调", Ct));

        Assert.Equal("SkillTagNameTaken", duplicate.Code);
        Assert.Equal("地暖维修", (await Reference.GetAsync(admin, Ct)).SkillTags.Single(t => t.Id == id).Name);
    }

    [Fact]
    public async Task NonAdmin_IsRefused()
    {
        var supervisor = await app.ActorAsync("supervisor");

        await Assert.ThrowsAsync<ForbiddenException>(() => Reference.GetAsync(supervisor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reference.AddSkillTagAsync(supervisor, "管道", Ct));
    }
}
