using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;

namespace Scrm.Benchmarks.Fixture;

/// <summary>
/// Generates the tickets with the domain (<see cref="Ticket.Create"/> and <see cref="Ticket.ChangeStatus"/>, so every
/// row is one the app could have written) and inserts them with prepared INSERTs in one transaction.
/// The audited <c>SaveChangesAsync</c> would write an audit row per ticket and track 500,000 entities.
/// </summary>
public static class TicketLoader
{
    public static readonly string[] Products = ["空调", "热水器", "洗衣机", "冰箱", "净水器"];
    public static readonly string[] Faults = ["不制冷", "漏水", "噪音大", "无法开机", "显示故障码", "其他"];

    /// <summary>The newest ticket is created just before this fixed instant, so every build yields the same file.</summary>
    public static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Tickets are spread evenly over this many days before <see cref="Now"/>.</summary>
    public const int Days = 182;

    // Air conditioners are the busiest line, so "空调" is in about 30% of titles.
    private static readonly (string Product, int Weight)[] _products = [("空调", 30), ("热水器", 20), ("洗衣机", 20), ("冰箱", 15), ("净水器", 15)];
    private static readonly string[] _installTitles = ["{0}上门安装", "新购{0}安装预约", "{0}移机安装", "{0}送装一体"];
    private static readonly string[] _repairTitles = ["{0}不制冷报修", "{0}漏水", "{0}噪音大需检修", "{0}无法开机", "{0}显示故障码"];
    private static readonly (Urgency Urgency, int Weight)[] _urgencies = [(Urgency.Urgent, 10), (Urgency.High, 20), (Urgency.Normal, 50), (Urgency.Low, 20)];

    // Tickets older than three weeks are mostly finished; a few are stuck. Recent ones are mostly open.
    private static readonly (TicketStatus Status, int Weight)[] _oldStatuses =
        [(TicketStatus.Closed, 70), (TicketStatus.Resolved, 14), (TicketStatus.Cancelled, 10), (TicketStatus.OnHold, 3), (TicketStatus.InProgress, 2), (TicketStatus.Assigned, 1)];
    private static readonly (TicketStatus Status, int Weight)[] _recentStatuses =
        [(TicketStatus.New, 14), (TicketStatus.Assigned, 14), (TicketStatus.InProgress, 22), (TicketStatus.OnHold, 7), (TicketStatus.Resolved, 14), (TicketStatus.Closed, 21), (TicketStatus.Cancelled, 8)];

    public static void Load(SqliteConnection connection, ReferenceData reference, int count)
    {
        var random = new Random(20261126);
        var createdAt = Enumerable.Range(0, count)
            .Select(_ => Now - TimeSpan.FromMilliseconds(random.NextInt64(1, Days * 86_400_000L)))
            .Order()
            .ToList();
        var cityOf = reference.Cities.ToDictionary(c => c.Region.Id);

        using var transaction = connection.BeginTransaction();
        using var insertTicket = Prepare(connection, transaction,
            "INSERT INTO Tickets (Id, Number, Title, Description, Urgency, Status, TemplateId, CustomerId, RegionId, AssigneeId, CreatedById, CreatedAt, UpdatedAt, Version) " +
            "VALUES ($id, $number, $title, $description, $urgency, $status, $templateId, $customerId, $regionId, $assigneeId, $createdById, $createdAt, $updatedAt, $version)");
        using var insertField = Prepare(connection, transaction, "INSERT INTO TicketFieldValue (TicketId, FieldKey, Value) VALUES ($ticketId, $fieldKey, $value)");
        using var insertCounter = Prepare(connection, transaction, "INSERT INTO TicketNumberCounters (Day, Last) VALUES ($day, $last)");

        var clock = new SettableClock();
        var counters = new Dictionary<DateOnly, int>();
        for (var i = 0; i < count; i++)
        {
            clock.UtcNow = createdAt[i];
            var day = ChinaTime.Today(clock);
            var sequence = counters[day] = counters.GetValueOrDefault(day) + 1;
            var customer = reference.Customers[random.Next(reference.Customers.Count)];
            var ticket = NewTicket(random, reference, cityOf[customer.RegionId!.Value], customer, new TicketNumber(day, sequence), clock);

            var id = i + 1L;
            Run(insertTicket, id, ticket.Number, ticket.Title, ticket.Description, (int)ticket.Urgency, ticket.Status.ToString(), ticket.TemplateId,
                ticket.CustomerId, ticket.RegionId, ticket.AssigneeId, ticket.CreatedById, ticket.CreatedAt, ticket.UpdatedAt, ticket.Version);
            foreach (var field in ticket.Fields)
            {
                Run(insertField, id, field.FieldKey, field.Value);
            }
        }

        foreach (var (day, last) in counters)
        {
            Run(insertCounter, TicketNumber.DayKey(day), last);
        }

        transaction.Commit();
    }

    private static Ticket NewTicket(Random random, ReferenceData reference, ReferenceData.City city, Customer customer, TicketNumber number, SettableClock clock)
    {
        var product = Pick(_products, random);
        var isInstall = random.Next(100) < 55;
        var titles = isInstall ? _installTitles : _repairTitles;
        var title = string.Format(CultureInfo.InvariantCulture, titles[random.Next(titles.Length)], product);
        var urgency = Pick(_urgencies, random);
        var target = Pick(Now - clock.UtcNow > TimeSpan.FromDays(21) ? _oldStatuses : _recentStatuses, random);
        var assignee = target == TicketStatus.New || (target == TicketStatus.Cancelled && random.Next(2) == 0)
            ? null
            : city.Technicians[random.Next(city.Technicians.Count)].Id;

        var details = new TicketDetails(title, $"客户{customer.Name}来电：{title}。", urgency, customer.Id, city.Region.Id, assignee);
        var ticket = Ticket.Create(number, isInstall ? reference.Install : reference.Repair, details,
            isInstall ? InstallFields(random, product, customer, clock.UtcNow) : RepairFields(random, customer),
            reference.Agents[random.Next(reference.Agents.Count)].Id, clock);
        MoveTo(ticket, target, clock, random);
        return ticket;
    }

    /// <summary>The three required install fields and up to two optional ones.</summary>
    private static Dictionary<string, string?> InstallFields(Random random, string product, Customer customer, DateTime createdAt)
    {
        var created = DateOnly.FromDateTime(createdAt);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["product_type"] = product,
            ["address"] = customer.Address,
            ["contact_phone"] = customer.Phone,
        };
        var extras = random.Next(3);
        if (extras == 2 && random.Next(4) == 0)
        {
            fields["remove_old"] = "true";
            fields["old_units"] = random.Next(1, 3).ToString(CultureInfo.InvariantCulture);
            return fields;
        }

        string[] optional = ["model", "order_no", "purchase_date", "appointment"];
        random.Shuffle(optional);
        foreach (var key in optional.Take(extras))
        {
            fields[key] = key switch
            {
                "model" => product == "空调" ? "KFR-35GW/BP3DN8Y" : $"{product[..1]}-{random.Next(100, 999)}",
                "order_no" => $"JD{random.Next(10000000, 99999999)}",
                "purchase_date" => created.AddDays(-random.Next(1, 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => created.AddDays(random.Next(1, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }

        return fields;
    }

    /// <summary>The three required repair fields, the ones the rules then require, and sometimes a customer link: 3 to 5.</summary>
    internal static Dictionary<string, string?> RepairFields(Random random, Customer customer)
    {
        var faults = Faults.Where(_ => random.Next(4) == 0).DefaultIfEmpty(Faults[random.Next(Faults.Length)]).ToList();
        var warranty = new[] { "在保", "过保", "延保" }[random.Next(3)];
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["fault_types"] = FieldValues.WriteMultiSelect(faults),
            ["warranty"] = warranty,
            ["contact_phone"] = customer.Phone,
        };
        if (faults.Contains("显示故障码"))
        {
            fields["fault_code"] = $"E{random.Next(1, 9)}";
        }

        if (warranty == "在保")
        {
            fields["warranty_card"] = $"WK{random.Next(100000, 999999)}";
        }
        else if (warranty == "过保")
        {
            fields["quote"] = (random.Next(8, 60) * 10 + 0.5m).ToString(CultureInfo.InvariantCulture);
        }

        if (fields.Count < 5 && random.Next(2) == 0)
        {
            fields["linked_customer"] = customer.Id.ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    /// <summary>Walks the ticket through allowed statuses to <paramref name="target"/>, minutes to a day or two apart, never past <see cref="Now"/>.</summary>
    private static void MoveTo(Ticket ticket, TicketStatus target, SettableClock clock, Random random)
    {
        foreach (var status in TicketStatusRules.Path(ticket.Status, target))
        {
            var next = clock.UtcNow + TimeSpan.FromMinutes(random.Next(20, 60 * 36));
            clock.UtcNow = next < Now ? next : Now;
            ticket.ChangeStatus(status, clock);
        }
    }

    private static T Pick<T>((T Value, int Weight)[] choices, Random random)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    /// <summary>The <c>$name</c> placeholders of the VALUES list, in order.</summary>
    private static IEnumerable<string> ParameterNames(string sql) =>
        sql[sql.IndexOf("VALUES", StringComparison.Ordinal)..]
            .Split(['(', ')', ',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Where(token => token.StartsWith('$'));

    /// <summary>Binds <paramref name="values"/> to the command's parameters in order (null as SQL NULL) and runs it.</summary>
    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        if (command.ExecuteNonQuery() != 1)
        {
            throw new DataException($"Insert did not write one row: {command.CommandText}");
        }
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTime UtcNow { get; set; }

        public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
    }
}
