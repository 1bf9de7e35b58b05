using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Assignment;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;

namespace Scrm.Data.Seed;

/// <summary>
/// The demo company's 派单规则, added after the demo tickets so those keep their seeded assignees: installations go to the
/// least-loaded air-conditioning technician of the region, then to anyone there; repairs take turns between two 湖州
/// technicians (where they work), the rest go to the least-loaded technician of the region.
/// </summary>
internal static class DemoAssignmentRules
{
    public static async Task SeedAsync(ScrmDbContext db, TicketTemplate install, TicketTemplate repair, IReadOnlyList<UserProfile> people, CancellationToken ct)
    {
        var skills = await db.SkillTags.ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var references = new AssignmentReferences(skills.Values.ToHashSet(), new HashSet<string>(),
            people.Where(p => p.Role == Role.Technician).ToDictionary(p => p.Id, p => new TechnicianState(p.DisplayName, p.IsActive)));
        string Id(string userName) => people.Single(p => p.UserName == userName).Id;

        db.AssignmentRules.AddRange(
            AssignmentRule.Create(install.Id, new("空调安装 · 本区域空调师傅", null, skills["空调"], AssignmentStrategy.LeastLoad, []), references, 1),
            AssignmentRule.Create(install.Id, new("安装 · 本区域师傅", null, null, AssignmentStrategy.LeastLoad, []), references, 2),
            AssignmentRule.Create(repair.Id, new("维修 · 吴刚、郑海轮流", null, null, AssignmentStrategy.RoundRobin, [Id("tech3"), Id("tech4")]), references, 1),
            AssignmentRule.Create(repair.Id, new("维修 · 本区域最少在手", null, null, AssignmentStrategy.LeastLoad, []), references, 2));
        await db.SaveChangesAsync(ct);
    }
}
