using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Pricing;
using Scrm.Domain.Regions;
using Scrm.Domain.Settlements;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Hosting.History;

/// <summary>The demo company as the generator uses it: cities, people, templates, published workflows, catalog and prices.</summary>
internal sealed class HistoryWorld
{
    public required List<City> Cities { get; init; }
    public required TicketTemplate Install { get; init; }
    public required TicketTemplate Repair { get; init; }
    public required TicketTemplate Complaint { get; init; }
    public required WorkflowDefinition InstallFlow { get; init; }
    public required WorkflowDefinition ComplaintFlow { get; init; }
    public required UserProfile Supervisor { get; init; }
    public required UserProfile Finance { get; init; }
    public required Dictionary<string, ServiceItem> Services { get; init; }
    public required Dictionary<string, SparePart> Parts { get; init; }
    public required List<PriceBookVersion> PublishedPrices { get; init; }

    /// <summary>A city with its share of the tickets (A-tier cities get more) and who works there.</summary>
    public sealed record City(Region Region, double Weight, List<Customer> Customers, List<UserProfile> Agents, List<UserProfile> Technicians, long WarehouseId);

    public static async Task<HistoryWorld> LoadAsync(ScrmDbContext db, DateOnly today, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var people = await db.UserProfiles.AsNoTracking().Where(p => p.IsActive).AsSplitQuery().ToListAsync(ct);
        var customers = await db.Customers.AsNoTracking().ToListAsync(ct);
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Name, w => w.Id, ct);
        var templates = await db.TicketTemplates.AsNoTracking().Include(t => t.Fields).Include(t => t.Rules).ToDictionaryAsync(t => t.Name, ct);
        var flows = await db.WorkflowDefinitions.AsNoTracking().Where(w => w.IsPublished).ToListAsync(ct);
        var agents = people.Where(p => p.Role == Role.Agent).ToList();
        var technicians = people.Where(p => p.Role == Role.Technician && p.PartnerTypes.Count > 0).ToList();
        var cities = regions.Where(r => !r.IsProvince && !r.IsRetired).OrderBy(r => r.Id).Select(city => new City(city,
            city.TierOn(today) switch { "A" => 4, "B" => 2.2, _ => 1.5 },
            customers.Where(c => c.RegionId == city.Id).ToList(),
            agents.Where(a => a.WorksIn(city)).ToList(),
            technicians.Where(t => t.Regions.Count > 0 && t.WorksIn(city)).ToList(),
            warehouses.GetValueOrDefault(city.Name == "上海" ? "上海仓" : city.Name == "宁波" ? "宁波仓" : "杭州仓"))).ToList();
        if (cities.Count == 0 || cities.Any(c => c.Customers.Count == 0 || c.Agents.Count == 0 || c.Technicians.Count == 0))
        {
            throw new InvalidOperationException("The database does not hold the demo company's cities, customers, agents and technicians.");
        }

        var install = templates["安装工单"];
        var complaint = templates["投诉工单"];
        return new HistoryWorld
        {
            Cities = cities,
            Install = install,
            Repair = templates["维修工单"],
            Complaint = complaint,
            InstallFlow = flows.Where(f => f.TemplateId == install.Id).MaxBy(f => f.Id)!,
            ComplaintFlow = flows.Where(f => f.TemplateId == complaint.Id).MaxBy(f => f.Id)!,
            Supervisor = people.First(p => p.Role == Role.Supervisor),
            Finance = people.First(p => p.Role == Role.Finance),
            Services = await db.ServiceItems.AsNoTracking().ToDictionaryAsync(s => s.Code, ct),
            Parts = await db.SpareParts.AsNoTracking().ToDictionaryAsync(s => s.Code, ct),
            PublishedPrices = await db.PriceBookVersions.AsNoTracking().Where(v => v.State == PriceBookState.Published).OrderBy(v => v.EffectiveFrom).ToListAsync(ct),
        };
    }

    /// <summary>
    /// The price of a key for a completion: the published version in force that day, or for a day before the first
    /// version (history older than the price book), the earliest version that has the key — decision 0015's rule.
    /// </summary>
    public PricedEntry? Price(PriceKey key, DateTime completedAt)
    {
        var inForce = PriceLookup.InForce(PublishedPrices, completedAt);
        var versions = inForce is null ? PublishedPrices : PublishedPrices.SkipWhile(v => v != inForce);
        foreach (var version in versions)
        {
            if (version.Find(key) is { } entry)
            {
                return new PricedEntry(version.Id, entry.SettlementPrice, entry.CustomerPrice);
            }
        }

        return null;
    }
}
