using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Domain.Conditions;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Seed;

/// <summary>
/// 安家家电服务网络: a home-appliance installation and repair network, so a newcomer sees a living system at once.
/// Deterministic (fixed random seed), relative to today, and only written into an empty database.
/// </summary>
public static class DemoCompanySeeder
{
    /// <summary>The one password of every demo account (listed in README). Demo company only.</summary>
    public const string DemoPassword = "Anjia@2026";

    /// <summary>
    /// The demo accounts. Regions name a city or a province (none: the central desk, which sees every region); a
    /// technician lists their skills and partner types, the latest last (孙伟 moved from 加盟 to 自营 two months ago).
    /// 冯军 (tech0) has left the company: deactivated, his history kept.
    /// </summary>
    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin", "王磊", Role.Admin),
        new("supervisor", "李娜", Role.Supervisor),
        new("supervisor2", "周婷", Role.Supervisor, ["杭州"]),
        new("supervisor3", "马超", Role.Supervisor, ["上海"]),
        new("director", "林峰", Role.Supervisor, ["浙江省"]),
        new("agent", "张敏", Role.Agent),
        new("agent2", "陈静", Role.Agent),
        new("agent3", "刘洋", Role.Agent, ["杭州"]),
        new("tech1", "赵强", Role.Technician, ["上海"], ["空调", "冰箱"], ["自营"]),
        new("tech2", "孙伟", Role.Technician, ["杭州"], ["热水器", "空调"], ["加盟", "自营"]),
        new("tech3", "吴刚", Role.Technician, ["湖州"], ["冰箱", "洗衣机"], ["第三方"]),
        new("tech4", "郑海", Role.Technician, ["杭州", "湖州"], ["空调", "净水器"], ["加盟"]),
        new("tech0", "冯军", Role.Technician, ["湖州"], ["热水器"], ["加盟"], IsActive: false),
        new("finance", "郑丽", Role.Finance),
        new("sales", "何俊", Role.Sales),
        new("customer", "钱建国", Role.Customer),
    ];

    public sealed record DemoUser(string UserName, string Name, Role Role, string[]? Regions = null, string[]? Skills = null,
        string[]? PartnerTypes = null, bool IsActive = true);

    public static readonly IReadOnlyList<string> SkillTags = ["空调", "热水器", "冰箱", "洗衣机", "净水器", "油烟机"];

    private const int CustomerLoginIndex = 8;
    private const string CustomerLoginName = "钱建国";

    public static async Task SeedAsync(ScrmDbContext db, TimeProvider time, int ticketCount = 200, CancellationToken ct = default)
    {
        if (await db.UserProfiles.AnyAsync(ct))
        {
            return;
        }

        var random = new Random(20261125);
        var today = ChinaTime.Today(time);
        var regions = await SeedRegionsAsync(db, today, ct);
        var cities = regions.Values.Where(r => !r.IsProvince).ToDictionary(r => r.Name);
        var people = await SeedUsersAsync(db, regions, today, ct);
        await AppointDirectorsAsync(db, regions, people, ct);
        var customers = await SeedCustomersAsync(db, cities, random, ct);
        await LinkCustomerLoginAsync(db, people, customers, ct);
        var templates = await SeedTemplatesAsync(db, ct);
        var complaint = DemoWorkflows.ComplaintTemplate();
        db.TicketTemplates.Add(complaint);
        await db.SaveChangesAsync(ct);

        var admin = people.Single(p => p.Role == Role.Admin);
        var installFlow = await PublishAsync(db, templates.Install, "安装流程", DemoWorkflows.Installation(), admin, time, ct);
        var complaintFlow = await PublishAsync(db, complaint, "投诉处理流程", DemoWorkflows.Complaint(), admin, time, ct);
        await new DemoTickets(db, time, random, cities, people, customers).SeedAsync(ticketCount,
            new DemoTickets.Flow(templates.Install, installFlow), new DemoTickets.Flow(complaint, complaintFlow), templates.Repair, ct);
        await new DemoSla(db, time, cities, people, customers).SeedAsync([templates.Install, templates.Repair, complaint], templates.Repair, ct);
        await DemoAssignmentRules.SeedAsync(db, templates.Install, templates.Repair, people, ct);
        await DemoCatalog.SeedAsync(db, ct);
        await DemoPriceBook.SeedAsync(db, time, people, ct);

        // Needs the catalogs and a published price book before it.
        await new DemoSettlements(db, time, cities, people, customers).SeedAsync(templates.Repair, random, ct);
    }

    /// <summary>Two provinces and four cities. 湖州 moved from tier C to B on the first day of the month three months ago.</summary>
    private static async Task<Dictionary<string, Region>> SeedRegionsAsync(ScrmDbContext db, DateOnly today, CancellationToken ct)
    {
        var shanghai = Region.Province("上海市");
        var zhejiang = Region.Province("浙江省");
        db.Regions.AddRange(shanghai, zhejiang);
        await db.SaveChangesAsync(ct);

        // The tier list (A, B, C) comes with the database; see the PeopleAndPlaces migration.
        var tiers = await db.PriceTiers.ToDictionaryAsync(t => t.Code, ct);
        var since = new DateOnly(2020, 1, 1);
        var cities = new[]
        {
            Region.City(shanghai, "上海", tiers["A"], since), Region.City(zhejiang, "杭州", tiers["B"], since),
            Region.City(zhejiang, "湖州", tiers["C"], since), Region.City(zhejiang, "宁波", tiers["B"], since),
        };
        cities[2].ChangeTier(tiers["B"], new DateOnly(today.Year, today.Month, 1).AddMonths(-3));
        db.Regions.AddRange(cities);
        await db.SaveChangesAsync(ct);
        return cities.Append(shanghai).Append(zhejiang).ToDictionary(c => c.Name);
    }

    private static async Task<List<UserProfile>> SeedUsersAsync(ScrmDbContext db, Dictionary<string, Region> regions, DateOnly today, CancellationToken ct)
    {
        var skills = SkillTags.Select(name => new SkillTag(name)).ToList();
        db.SkillTags.AddRange(skills);
        await db.SaveChangesAsync(ct);
        var partnerTypes = await db.PartnerTypes.ToDictionaryAsync(t => t.Name, ct);

        var hasher = new PasswordHasher<ScrmUser>();
        var profiles = new List<UserProfile>();
        foreach (var demo in Users)
        {
            var user = ScrmUser.Create(demo.UserName, DemoPassword, hasher);
            user.Email = $"{demo.UserName}@anjia.example";
            user.NormalizedEmail = user.Email.ToUpperInvariant();
            user.EmailConfirmed = true;
            db.Users.Add(user);

            var profile = new UserProfile(user.Id, demo.UserName, demo.Name, demo.Role);
            profile.AssignRegions((demo.Regions ?? []).Select(r => regions[r].Id));
            profile.AssignSkills((demo.Skills ?? []).Select(s => skills.Single(k => k.Name == s).Id));
            var types = demo.PartnerTypes ?? [];
            for (var i = 0; i < types.Length; i++)
            {
                // The latest type started two months ago; any earlier one at the start of the demo history.
                profile.ChangePartnerType(partnerTypes[types[i]], i == types.Length - 1 && i > 0 ? today.AddMonths(-2) : new DateOnly(2024, 1, 1));
            }

            if (!demo.IsActive)
            {
                profile.Deactivate();
            }

            profiles.Add(profile);
        }

        db.UserProfiles.AddRange(profiles);
        await db.SaveChangesAsync(ct);
        return profiles;
    }

    /// <summary>林峰 directs 浙江省 and its cities; 李娜, the central supervisor, directs 上海.</summary>
    private static async Task AppointDirectorsAsync(ScrmDbContext db, Dictionary<string, Region> regions, List<UserProfile> people, CancellationToken ct)
    {
        var director = people.Single(p => p.UserName == "director");
        var central = people.Single(p => p.UserName == "supervisor");
        foreach (var region in regions.Values)
        {
            var inZhejiang = region.Name == "浙江省" || region.ParentId == regions["浙江省"].Id;
            region.AppointDirector(inZhejiang ? director.Id : central.Id);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<Customer>> SeedCustomersAsync(ScrmDbContext db, Dictionary<string, Region> cities, Random random, CancellationToken ct)
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
        string[] givenNames = ["先生", "女士", "建华", "秀英", "志强", "丽娟", "海燕", "国庆", "晓明", "文静"];
        string[] streets = ["南京西路", "淮海中路", "文三路", "延安路", "人民路", "解放路", "中山北路", "滨江大道"];
        string[] companies = ["锦江之星酒店", "绿城物业", "万科社区服务中心", "华联超市"];
        var customers = new List<Customer>();
        for (var i = 0; i < 40; i++)
        {
            var city = cities.Values.ElementAt(i % cities.Count);
            var name = i < companies.Length ? $"{city.Name}{companies[i]}" : surnames[random.Next(surnames.Length)] + givenNames[random.Next(givenNames.Length)];
            var phone = "13" + random.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture);
            var address = $"{city.Name}{streets[random.Next(streets.Length)]}{random.Next(1, 999)}号";
            name = i == CustomerLoginIndex ? CustomerLoginName : name;
            var level = i < companies.Length ? CustomerLevel.Key : (i % 7 == 0 ? CustomerLevel.Vip : CustomerLevel.Standard);
            customers.Add(new Customer(name, phone, address, city.Id, level));
        }

        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(ct);
        return customers;
    }

    /// <summary>The demo login `customer` (钱建国) is this customer record, a person in 上海, so they have tickets to read.</summary>
    private static async Task LinkCustomerLoginAsync(ScrmDbContext db, List<UserProfile> people, List<Customer> customers, CancellationToken ct)
    {
        people.Single(p => p.Role == Role.Customer).LinkCustomer(customers[CustomerLoginIndex].Id);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<WorkflowDefinition> PublishAsync(ScrmDbContext db, TicketTemplate template, string name, WorkflowGraph graph,
        UserProfile admin, TimeProvider time, CancellationToken ct)
    {
        var workflow = WorkflowDefinition.Create(template.Id, name, graph, time);
        workflow.Publish(template, new WorkflowActor(admin.Id, admin.DisplayName, admin.Role), time);
        db.Actor = new Domain.Common.Actor(admin.Id, admin.DisplayName, admin.Role, Domain.Common.ActorChannel.Import);
        db.WorkflowDefinitions.Add(workflow);
        await db.SaveChangesAsync(ct);
        db.Actor = Domain.Common.Actor.System(Domain.Common.ActorChannel.Import);
        return workflow;
    }

    private static async Task<(TicketTemplate Install, TicketTemplate Repair)> SeedTemplatesAsync(ScrmDbContext db, CancellationToken ct)
    {
        var (install, repair) = Templates();
        db.TicketTemplates.AddRange(install, repair);
        await db.SaveChangesAsync(ct);
        return (install, repair);
    }

    /// <summary>The demo company's two templates, unsaved: 安装工单 and 维修工单 with their fields and 智能必填 rules.</summary>
    public static (TicketTemplate Install, TicketTemplate Repair) Templates()
    {
        var install = new TicketTemplate("安装工单", "新购家电的送装一体服务：预约、上门安装、调试与拆旧。");
        install.AddField("product_type", "产品类型", FieldType.Dropdown, isRequired: true, options: ["空调", "热水器", "洗衣机", "冰箱", "净水器"]);
        install.AddField("model", "型号", FieldType.Text, helpText: "见机身铭牌，如 KFR-35GW");
        install.AddField("order_no", "电商订单号", FieldType.OrderLink);
        install.AddField("purchase_date", "购买日期", FieldType.Date);
        install.AddField("address", "安装地址", FieldType.Multiline, isRequired: true);
        install.AddField("contact_phone", "联系电话", FieldType.Phone, isRequired: true);
        install.AddField("appointment", "预约上门日期", FieldType.Date);
        install.AddField("remove_old", "需要拆旧机", FieldType.Checkbox);
        install.AddField("old_units", "拆旧数量", FieldType.WholeNumber, min: 1, max: 10);
        install.AddField("high_altitude", "高空作业", FieldType.Checkbox, helpText: "外机安装高度超过 2 米");
        install.AddField("extra_fee", "额外费用", FieldType.Money, min: 0, max: 5000);
        install.AddRule("remove_old", ConditionOperator.IsNotEmpty, null, "old_units");
        install.AddRule("high_altitude", ConditionOperator.IsNotEmpty, null, "extra_fee");

        var repair = new TicketTemplate("维修工单", "家电故障报修：诊断、报价、维修与回访。");
        repair.AddField("fault_types", "故障类型", FieldType.MultiSelect, isRequired: true, options: ["不制冷", "漏水", "噪音大", "无法开机", "显示故障码", "其他"]);
        repair.AddField("fault_code", "故障代码", FieldType.Text, helpText: "显示屏上的代码，如 E1");
        repair.AddField("warranty", "保修状态", FieldType.Dropdown, isRequired: true, options: ["在保", "过保", "延保"]);
        repair.AddField("warranty_card", "保修卡号", FieldType.Text);
        repair.AddField("quote", "维修报价", FieldType.Money, min: 0, max: 20000);
        repair.AddField("contact_phone", "联系电话", FieldType.Phone, isRequired: true);
        repair.AddField("linked_customer", "关联客户", FieldType.CustomerLink);
        repair.AddField("notes", "备注", FieldType.Multiline);
        repair.AddRule("fault_types", ConditionOperator.Contains, "显示故障码", "fault_code");
        repair.AddRule("warranty", ConditionOperator.Equals, "在保", "warranty_card");
        repair.AddRule("warranty", ConditionOperator.Equals, "过保", "quote");
        return (install, repair);
    }
}
