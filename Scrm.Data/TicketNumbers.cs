using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Scrm.Data.Providers;

namespace Scrm.Data;

/// <summary>
/// Takes the next number of a day's ticket counter in one atomic statement, inside the caller's transaction: fifty
/// tickets created at the same moment get fifty consecutive numbers, and a ticket that fails to save gives its back.
/// </summary>
public static class TicketNumbers
{
    public static async Task<int> NextAsync(ScrmDbContext db, string day, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Take a ticket number inside the transaction that saves the ticket.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = DatabaseProvider.NextTicketSequenceSql(db);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@day";
        parameter.Value = day;
        command.Parameters.Add(parameter);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
