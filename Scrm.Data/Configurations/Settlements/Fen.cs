using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrm.Domain.Common;

namespace Scrm.Data.Configurations.Settlements;

/// <summary>
/// Money (decimal yuan in the domain) stored as whole fen: exact, summed and compared in SQL alike on SQLite (which has
/// no decimal type) and SQL Server. The domain only ever holds whole fen, so nothing is rounded here.
/// </summary>
internal static class Fen
{
    public static readonly ValueConverter<decimal, long> Converter = new(yuan => Money.ToFen(yuan), fen => Money.FromFen(fen));
}
