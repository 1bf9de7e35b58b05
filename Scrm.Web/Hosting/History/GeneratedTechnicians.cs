using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Domain.Users;

namespace Scrm.Web.Hosting.History;

/// <summary>
/// A few hundred more technicians (gen-tech001…) in the demo's cities, with skills and a partner type (自营, 加盟, 第三方),
/// so "top technicians" has a field to rank. Added once, through the entities the demo seeder uses; they sign in with the
/// demo password.
/// </summary>
internal static class GeneratedTechnicians
{
    public const string UserNamePrefix = "gen-tech";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] GivenNames = ["建国", "志强", "海波", "永刚", "立新", "文军", "春雷", "宏伟", "晓东", "国华", "明亮", "振宇"];

    public static async Task<int> AddAsync(ScrmDbContext db, Random random, int count, CancellationToken ct)
    {
        if (await db.UserProfiles.AnyAsync(p => p.UserName.StartsWith(UserNamePrefix), ct))
        {
            return 0;
        }

        var cities = await db.Regions.Where(r => r.ParentId != null).OrderBy(r => r.Id).ToListAsync(ct);
        var partnerTypes = await db.PartnerTypes.OrderBy(t => t.Id).ToListAsync(ct);
        var skills = await db.SkillTags.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        // One PBKDF2 hash for all: hashing 300 passwords would take longer than writing a million tickets.
        var hash = new PasswordHasher<ScrmUser>().HashPassword(null!, Data.Seed.DemoCompanySeeder.DemoPassword);
        var hasher = new KnownHash(hash);
        for (var i = 1; i <= count; i++)
        {
            var userName = $"{UserNamePrefix}{i:D3}";
            var user = ScrmUser.Create(userName, Data.Seed.DemoCompanySeeder.DemoPassword, hasher);
            user.Id = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)).ToString();
            db.Users.Add(user);

            var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            var profile = new UserProfile(user.Id, userName, name, Role.Technician);
            // Half work in 上海 (the A-tier city), the rest spread over the others.
            var city = random.Next(2) == 0 ? cities[0] : cities[random.Next(cities.Count)];
            profile.AssignRegions([city.Id]);
            profile.AssignSkills(skills.Where(_ => random.Next(3) == 0).DefaultIfEmpty(skills[random.Next(skills.Count)]));
            var roll = random.Next(100);
            profile.ChangePartnerType(partnerTypes[roll < 50 ? 0 : roll < 80 ? 1 : 2], new DateOnly(2024, 1, 1));
            db.UserProfiles.Add(profile);
        }

        db.Actor = Actor.System(ActorChannel.Import);
        await db.SaveChangesAsync(ct);
        return count;
    }

    private sealed class KnownHash(string hash) : IPasswordHasher<ScrmUser>
    {
        public string HashPassword(ScrmUser user, string password) => hash;

        public PasswordVerificationResult VerifyHashedPassword(ScrmUser user, string hashedPassword, string providedPassword) =>
            PasswordVerificationResult.Failed;
    }
}
