using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Data.Identity;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;

namespace Scrm.Benchmarks.Fixture;

/// <summary>
/// The few thousand rows the tickets point at: 7 provinces with 20 cities, 6 agents, 30 technicians, 5,000 customers
/// and the two templates of the demo company. Few enough to go through the normal (audited) save.
/// </summary>
public sealed record ReferenceData(
    IReadOnlyList<ReferenceData.City> Cities,
    IReadOnlyList<UserProfile> Agents,
    IReadOnlyList<Customer> Customers,
    TicketTemplate Install,
    TicketTemplate Repair)
{
    public const int CustomerCount = 5_000;

    /// <summary>A city, its share of the business (weight) and the technicians who work there.</summary>
    public sealed record City(Region Region, int Weight, IReadOnlyList<UserProfile> Technicians);

    // Province, city, tier, weight. The weights say roughly how much business each city brings.
    private static readonly (string Province, string City, string Tier, int Weight)[] _cities =
    [
        ("上海市", "上海", "A", 10), ("北京市", "北京", "A", 8),
        ("浙江省", "杭州", "A", 9), ("浙江省", "宁波", "B", 4), ("浙江省", "温州", "B", 3),
        ("浙江省", "嘉兴", "C", 2), ("浙江省", "绍兴", "C", 2), ("浙江省", "湖州", "C", 2),
        ("江苏省", "南京", "A", 6), ("江苏省", "苏州", "A", 6), ("江苏省", "无锡", "B", 4),
        ("江苏省", "常州", "B", 3), ("江苏省", "南通", "C", 2),
        ("广东省", "广州", "A", 7), ("广东省", "深圳", "A", 7), ("广东省", "佛山", "B", 3),
        ("广东省", "东莞", "B", 3), ("广东省", "珠海", "C", 2),
        ("四川省", "成都", "A", 6), ("湖北省", "武汉", "A", 5),
    ];

    private static readonly string[] _surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] _givenNames = ["先生", "女士", "建华", "秀英", "志强", "丽娟", "海燕", "国庆", "晓明", "文静", "伟", "芳", "军", "敏", "静"];
    private static readonly string[] _companies = ["锦江之星酒店", "绿城物业", "万科社区服务中心", "华联超市", "格力空调专卖店", "海尔专卖店", "如家酒店", "美的空调旗舰店"];
    private static readonly string[] _streets = ["南京西路", "淮海中路", "文三路", "延安路", "人民路", "解放路", "中山北路", "滨江大道", "建设路", "和平路"];

    public static async Task<ReferenceData> SeedAsync(ScrmDbContext db, CancellationToken ct)
    {
        var random = new Random(20261125);
        var regions = await SeedRegionsAsync(db, ct);
        var (agents, technicians) = await SeedUsersAsync(db, regions, ct);
        var cities = regions.Select((r, i) => new City(r, _cities[i].Weight, technicians.Where(t => t.Regions.Any(x => x.RegionId == r.Id)).ToList())).ToList();
        var customers = await SeedCustomersAsync(db, cities, random, ct);
        var (install, repair) = await SeedTemplatesAsync(db, ct);
        return new ReferenceData(cities, agents, customers, install, repair);
    }

    /// <summary>Picks a city with probability proportional to its weight.</summary>
    public City PickCity(Random random) => Pick(Cities, random);

    private static City Pick(IReadOnlyList<City> cities, Random random)
    {
        var roll = random.Next(cities.Sum(c => c.Weight));
        foreach (var city in cities)
        {
            roll -= city.Weight;
            if (roll < 0)
            {
                return city;
            }
        }

        return cities[^1];
    }

    private static async Task<List<Region>> SeedRegionsAsync(ScrmDbContext db, CancellationToken ct)
    {
        var provinces = _cities.Select(c => c.Province).Distinct().Select(Region.Province).ToDictionary(p => p.Name);
        db.Regions.AddRange(provinces.Values);
        await db.SaveChangesAsync(ct);

        var tiers = await db.PriceTiers.ToDictionaryAsync(t => t.Code, ct);
        var cities = _cities.Select(c => Region.City(provinces[c.Province], c.City, tiers[c.Tier], new DateOnly(2020, 1, 1))).ToList();
        db.Regions.AddRange(cities);
        await db.SaveChangesAsync(ct);
        return cities;
    }

    private static async Task<(List<UserProfile> Agents, List<UserProfile> Technicians)> SeedUsersAsync(
        ScrmDbContext db, List<Region> cities, CancellationToken ct)
    {
        string[] agentNames = ["张敏", "陈静", "刘洋", "杨帆", "黄蕾", "徐丹"];
        string[] technicianNames = ["赵强", "孙伟", "吴刚", "周杰", "郑凯", "王涛", "冯磊", "陈龙", "褚亮", "卫东",
            "蒋鹏", "沈斌", "韩冰", "杨勇", "朱峰", "秦川", "尤明", "许超", "何平", "吕辉",
            "施俊", "张亮", "孔飞", "曹阳", "严冬", "华山", "金波", "魏海", "陶然", "姜毅"];
        var agents = agentNames.Select((name, i) => AddUser(db, $"agent{i + 1}", name, Role.Agent, null)).ToList();

        // Every city has a technician; the ten busiest (by weight) have a second one.
        var busiest = _cities.Select((c, i) => (c.Weight, i)).OrderByDescending(c => c.Weight).Take(technicianNames.Length - cities.Count).Select(c => c.i).ToHashSet();
        var homes = cities.Concat(cities.Where((_, i) => busiest.Contains(i))).ToList();
        var technicians = technicianNames.Select((name, i) => AddUser(db, $"tech{i + 1}", name, Role.Technician, homes[i].Id)).ToList();

        await db.SaveChangesAsync(ct);
        return (agents, technicians);
    }

    private static UserProfile AddUser(ScrmDbContext db, string userName, string name, Role role, long? regionId)
    {
        // No password: nobody signs in to the benchmark database, and hashing 36 passwords would only slow the build.
        var user = new ScrmUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = $"{userName}@bench.example",
            NormalizedEmail = $"{userName}@bench.example".ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        var profile = new UserProfile(user.Id, userName, name, role);
        profile.AssignRegions(regionId is { } id ? [id] : []);
        db.UserProfiles.Add(profile);
        return profile;
    }

    private static async Task<List<Customer>> SeedCustomersAsync(ScrmDbContext db, List<City> cities, Random random, CancellationToken ct)
    {
        var customers = new List<Customer>(CustomerCount);
        for (var i = 0; i < CustomerCount; i++)
        {
            var city = Pick(cities, random).Region;
            // About one customer in fifty is a business (a hotel, a shop, a property manager).
            var isCompany = random.Next(50) == 0;
            var name = isCompany
                ? city.Name + _companies[random.Next(_companies.Length)] + (random.Next(3) == 0 ? $"（{_streets[random.Next(_streets.Length)]}店）" : "")
                : _surnames[random.Next(_surnames.Length)] + _givenNames[random.Next(_givenNames.Length)];
            var phone = "13" + random.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture);
            var address = $"{city.Name}{_streets[random.Next(_streets.Length)]}{random.Next(1, 999)}号";
            var level = isCompany ? CustomerLevel.Key : (random.Next(10) == 0 ? CustomerLevel.Vip : CustomerLevel.Standard);
            customers.Add(new Customer(name, phone, address, city.Id, level));
        }

        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(ct);
        return customers;
    }

    /// <summary>The demo company's two templates, so field values look like the app's.</summary>
    private static async Task<(TicketTemplate Install, TicketTemplate Repair)> SeedTemplatesAsync(ScrmDbContext db, CancellationToken ct)
    {
        var (install, repair) = DemoCompanySeeder.Templates();
        db.TicketTemplates.AddRange(install, repair);
        await db.SaveChangesAsync(ct);
        return (install, repair);
    }
}
