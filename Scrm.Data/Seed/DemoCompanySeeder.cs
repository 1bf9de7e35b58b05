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
    public const string DemoPassword = "Scrm@2026";

    public static readonly IReadOnlyList<(string UserName, string Name, Role Role, string? City)> Users =
    [
        ("admin", "王磊", Role.Admin, null),
        ("supervisor", "李娜", Role.Supervisor, null),
        ("supervisor2", "周婷", Role.Supervisor, "杭州"),
        ("agent", "张敏", Role.Agent, null),
        ("agent2", "陈静", Role.Agent, null),
        ("agent3", "刘洋", Role.Agent, "杭州"),
        ("tech1", "赵强", Role.Technician, "上海"),
        ("tech2", "孙伟", Role.Technician, "杭州"),
        ("tech3", "吴刚", Role.Technician, "湖州"),
        ("finance", "郑丽", Role.Finance, null),
        ("sales", "何俊", Role.Sales, null),
        ("customer", "钱建国", Role.Customer, "上海"),
    ];

    private const int CustomerLoginIndex = 6;
    private const string CustomerLoginName = "钱建国";

    public static async Task SeedAsync(ScrmDbContext db, TimeProvider time, int ticketCount = 200, CancellationToken ct = default)
    {
        if (await db.UserProfiles.AnyAsync(ct))
        {
            return;
        }

        var random = new Random(20261125);
        var cities = await SeedRegionsAsync(db, ct);
        var people = await SeedUsersAsync(db, cities, ct);
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
    }

    private static async Task<Dictionary<string, Region>> SeedRegionsAsync(ScrmDbContext db, CancellationToken ct)
    {
        var shanghai = Region.Province("上海市");
        var zhejiang = Region.Province("浙江省");
        db.Regions.AddRange(shanghai, zhejiang);
        await db.SaveChangesAsync(ct);

        var cities = new[] { Region.City(shanghai, "上海", PriceTier.A), Region.City(zhejiang, "杭州", PriceTier.B), Region.City(zhejiang, "湖州", PriceTier.C) };
        db.Regions.AddRange(cities);
        await db.SaveChangesAsync(ct);
        return cities.ToDictionary(c => c.Name);
    }

    private static async Task<List<UserProfile>> SeedUsersAsync(ScrmDbContext db, Dictionary<string, Region> cities, CancellationToken ct)
    {
        var hasher = new PasswordHasher<ScrmUser>();
        var profiles = new List<UserProfile>();
        foreach (var (userName, name, role, city) in Users)
        {
            var user = new ScrmUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = $"{userName}@anjia.example",
                NormalizedEmail = $"{userName}@anjia.example".ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, DemoPassword);
            db.Users.Add(user);
            profiles.Add(new UserProfile(user.Id, userName, name, role, city is null ? null : cities[city].Id));
        }

        db.UserProfiles.AddRange(profiles);
        await db.SaveChangesAsync(ct);
        return profiles;
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
