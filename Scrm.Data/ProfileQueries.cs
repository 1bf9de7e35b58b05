using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Users;

namespace Scrm.Data;

public static class ProfileQueries
{
    /// <summary>
    /// Display names by user id, for lists that name people: the two columns only, not the profiles with the regions,
    /// skills and partner types they load with. Unknown ids are left out.
    /// </summary>
    public static async Task<Dictionary<string, string>> DisplayNamesAsync(this IQueryable<UserProfile> profiles, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await profiles.Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
