using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Scrm.Data.Saving;

/// <summary>
/// Rows a save appends without tracking them (the earnings ledger): written after the save's tracked rows, in its
/// transaction, with a few rows per INSERT. The change tracker would send each as its own command and then carry it
/// through every later change detection of the save; a batch of a hundred completions books three hundred ledger rows.
/// A foreign key set through a navigation takes the principal's key, which the save has just given it.
/// </summary>
public sealed class AppendedRows
{
    // A few rows per statement: SQLite finds each parameter by name in a linear list, so a statement's binding grows with
    // the square of its parameters, while each statement has its own fixed cost. Far below SQL Server's 2,100 too.
    private const int ParametersPerStatement = 200;

    private readonly Dictionary<Type, List<object>> _rows = [];

    public void Add<T>(IEnumerable<T> rows) where T : class
    {
        if (!_rows.TryGetValue(typeof(T), out var list))
        {
            _rows[typeof(T)] = list = [];
        }

        list.AddRange(rows);
    }

    /// <summary>Inserts every row added since the last write and forgets them; a failed insert is a <see cref="DbUpdateException"/>.</summary>
    internal async Task<int> WriteAsync(ScrmDbContext db, CancellationToken ct)
    {
        var written = 0;
        foreach (var (type, rows) in _rows)
        {
            var table = new AppendTable(db, db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped."));
            foreach (var chunk in rows.Chunk(Math.Max(1, ParametersPerStatement / table.Columns.Count)))
            {
                try
                {
                    written += await db.Database.ExecuteSqlRawAsync(table.InsertSql(chunk.Length), table.Parameters(db, chunk), ct);
                }
                catch (DbException ex)
                {
                    throw new DbUpdateException($"Appending {type.Name} rows failed: {ex.Message}", ex);
                }
            }
        }

        Clear();
        return written;
    }

    /// <summary>Hands the rows to the change tracker instead, for a save that has no transaction to append them in.</summary>
    internal void TrackIn(ScrmDbContext db)
    {
        foreach (var rows in _rows.Values)
        {
            db.AddRange(rows);
        }

        Clear();
    }

    internal void Clear() => _rows.Clear();

    /// <summary>A mapped table's insertable columns and how each row's value for them is read.</summary>
    private sealed class AppendTable
    {
        private readonly string _name;

        public AppendTable(ScrmDbContext db, IEntityType entity)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            _name = sql.DelimitIdentifier(entity.GetTableName()!);
            Columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd)
                .Select(p => (p, p.GetContainingForeignKeys().FirstOrDefault(f => f.DependentToPrincipal is not null)))
                .ToList();
            ColumnList = string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName())));
        }

        public List<(IProperty Property, IForeignKey? Reference)> Columns { get; }

        private string ColumnList { get; }

        public string InsertSql(int rows)
        {
            var values = Enumerable.Range(0, rows)
                .Select(r => $"({string.Join(", ", Columns.Select((_, c) => $"{{{(r * Columns.Count) + c}}}"))})");
            return $"INSERT INTO {_name} ({ColumnList}) VALUES {string.Join(", ", values)};";
        }

        public List<DbParameter> Parameters(ScrmDbContext db, IEnumerable<object> rows)
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            var parameters = new List<DbParameter>();
            foreach (var row in rows)
            {
                foreach (var (property, reference) in Columns)
                {
                    var value = reference is null ? property.GetGetter().GetClrValueUsingContainingEntity(row) : PrincipalKey(row, reference);
                    // The column's own mapping converts the value (money to fen, enums to text) exactly as a tracked save would.
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"a{parameters.Count}", value, property.IsNullable));
                }
            }

            return parameters;
        }

        private static object? PrincipalKey(object row, IForeignKey reference)
        {
            var principal = reference.DependentToPrincipal!.GetGetter().GetClrValueUsingContainingEntity(row);
            if (principal is null)
            {
                return reference.Properties[0].GetGetter().GetClrValueUsingContainingEntity(row);
            }

            var key = reference.PrincipalKey.Properties[0].GetGetter().GetClrValueUsingContainingEntity(principal);
            return key is 0L or 0 or null
                ? throw new InvalidOperationException($"{reference.DeclaringEntityType.ClrType.Name} points at a {reference.PrincipalEntityType.ClrType.Name} that has no key yet.")
                : key;
        }
    }
}
