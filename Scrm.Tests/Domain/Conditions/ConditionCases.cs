using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using static Scrm.Domain.Conditions.ConditionOperator;
using Op = Scrm.Domain.Conditions.ConditionOperator;

namespace Scrm.Tests.Domain.Conditions;

/// <summary>
/// The evaluation table: for every field type and built-in subject, every operator it offers, with cases that hold and cases that
/// do not. Values and operands are canonical. "Now" is <see cref="ConditionContextBuilder.DefaultNowUtc"/>: 2026-11-25 12:00 in China.
/// </summary>
public static class ConditionCases
{
    public sealed record FieldCase(string Key, ConditionOperator Op, string[] Operands, string? Value, bool Expected);

    public sealed record BuiltInCase(BuiltInSubject Subject, ConditionOperator Op, string[] Operands, string? Actual, bool Expected);

    /// <summary>The <see cref="TemplateBuilder"/> field of each type.</summary>
    public static readonly IReadOnlyDictionary<FieldType, string> KeyOf = new Dictionary<FieldType, string>
    {
        [FieldType.Text] = TemplateBuilder.Note,
        [FieldType.Multiline] = TemplateBuilder.Details,
        [FieldType.Number] = TemplateBuilder.Quantity,
        [FieldType.WholeNumber] = TemplateBuilder.Units,
        [FieldType.Money] = TemplateBuilder.Amount,
        [FieldType.Date] = TemplateBuilder.VisitDate,
        [FieldType.Dropdown] = TemplateBuilder.Service,
        [FieldType.MultiSelect] = TemplateBuilder.Colors,
        [FieldType.Checkbox] = TemplateBuilder.Warranty,
        [FieldType.Phone] = TemplateBuilder.Contact,
        [FieldType.CustomerLink] = TemplateBuilder.Customer,
        [FieldType.OrderLink] = TemplateBuilder.Order,
    };

    public static readonly IReadOnlyList<FieldCase> Fields =
    [
        .. Cases(TemplateBuilder.Note,
            (Op.Equals, ["abc"], "ABC", true), (Op.Equals, ["abc"], "abd", false), (Op.Equals, ["abc"], "abc ", false),
            (NotEquals, ["abc"], "abd", true), (NotEquals, ["abc"], "Abc", false),
            (Contains, ["JAM"], "Printer jams daily", true), (Contains, ["jam"], "toner low", false),
            (NotContains, ["jam"], "toner low", true), (NotContains, ["JAM"], "Printer jams daily", false),
            (StartsWith, ["print"], "Printer jams", true), (StartsWith, ["print"], "The printer", false),
            (EndsWith, ["DAILY"], "jams daily", true), (EndsWith, ["daily"], "daily jams", false),
            (InList, ["a", "Bb"], "bb", true), (InList, ["a", "Bb"], "c", false),
            (NotInList, ["a", "Bb"], "c", true), (NotInList, ["a", "Bb"], "A", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "x", false), (IsEmpty, [], "", true),
            (IsNotEmpty, [], "x", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Details,
            (Op.Equals, ["二楼客厅"], "二楼客厅", true), (Op.Equals, ["二楼客厅"], "三楼", false),
            (NotEquals, ["二楼客厅"], "三楼", true), (NotEquals, ["二楼客厅"], "二楼客厅", false),
            (Contains, ["二楼"], "安装在二楼客厅", true), (Contains, ["三楼"], "安装在二楼客厅", false),
            (NotContains, ["三楼"], "安装在二楼客厅", true), (NotContains, ["二楼"], "安装在二楼客厅", false),
            (StartsWith, ["安装"], "安装在二楼", true), (StartsWith, ["二楼"], "安装在二楼", false),
            (EndsWith, ["客厅"], "二楼客厅", true), (EndsWith, ["二楼"], "二楼客厅", false),
            (InList, ["一楼", "二楼"], "二楼", true), (InList, ["一楼", "二楼"], "三楼", false),
            (NotInList, ["一楼", "二楼"], "三楼", true), (NotInList, ["一楼", "二楼"], "一楼", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "x", false),
            (IsNotEmpty, [], "x", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Quantity,
            (Op.Equals, ["10"], "10", true), (Op.Equals, ["10"], "10.0", true), (Op.Equals, ["10"], "9", false),
            (NotEquals, ["10"], "9", true), (NotEquals, ["10"], "10", false),
            (GreaterThan, ["9"], "10", true), (GreaterThan, ["9"], "9", false), (GreaterThan, ["10"], "9", false), // as numbers: "10" < "9" as text
            (GreaterOrEqual, ["9"], "9", true), (GreaterOrEqual, ["9"], "8.5", false),
            (LessThan, ["10"], "9", true), (LessThan, ["3"], "-5", true), (LessThan, ["10"], "10", false),
            (LessOrEqual, ["10"], "10", true), (LessOrEqual, ["10"], "10.5", false),
            (Between, ["5", "10"], "5", true), (Between, ["5", "10"], "10", true), (Between, ["5", "10"], "10.01", false), (Between, ["5", "10"], "4", false),
            (InList, ["1", "2", "3"], "2", true), (InList, ["1", "2", "3"], "4", false),
            (NotInList, ["1", "2", "3"], "4", true), (NotInList, ["1", "2", "3"], "2", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "0", false),
            (IsNotEmpty, [], "0", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Units,
            (Op.Equals, ["3"], "3", true), (Op.Equals, ["3"], "4", false),
            (NotEquals, ["3"], "4", true), (NotEquals, ["3"], "3", false),
            (GreaterThan, ["9"], "10", true), (GreaterThan, ["9"], "9", false),
            (GreaterOrEqual, ["9"], "9", true), (GreaterOrEqual, ["9"], "8", false),
            (LessThan, ["10"], "9", true), (LessThan, ["10"], "10", false),
            (LessOrEqual, ["10"], "10", true), (LessOrEqual, ["10"], "11", false),
            (Between, ["5", "10"], "5", true), (Between, ["5", "10"], "11", false),
            (InList, ["1", "2"], "2", true), (InList, ["1", "2"], "4", false),
            (NotInList, ["1", "2"], "4", true), (NotInList, ["1", "2"], "2", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "1", false),
            (IsNotEmpty, [], "1", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Amount,
            (Op.Equals, ["1234.50"], "1234.50", true), (Op.Equals, ["1234.50"], "1234.51", false),
            (NotEquals, ["1234.50"], "1234.51", true), (NotEquals, ["1234.50"], "1234.50", false),
            (GreaterThan, ["99.99"], "100.00", true), (GreaterThan, ["1.00"], "-5.00", false),
            (GreaterOrEqual, ["100.00"], "100.00", true), (GreaterOrEqual, ["100.00"], "99.99", false),
            (LessThan, ["1000.00"], "999.99", true), (LessThan, ["1000.00"], "1000.00", false),
            (LessOrEqual, ["1000.00"], "1000.00", true), (LessOrEqual, ["1000.00"], "1000.01", false),
            (Between, ["100.00", "200.00"], "150.00", true), (Between, ["100.00", "200.00"], "200.01", false),
            (InList, ["9.90", "19.90"], "19.90", true), (InList, ["9.90", "19.90"], "29.90", false),
            (NotInList, ["9.90", "19.90"], "29.90", true), (NotInList, ["9.90", "19.90"], "9.90", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "0.00", false),
            (IsNotEmpty, [], "0.00", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.VisitDate,
            (Op.Equals, ["2026-11-25"], "2026-11-25", true), (Op.Equals, ["2026-11-25"], "2026-11-24", false),
            (Op.Equals, ["today"], "2026-11-25", true), (Op.Equals, ["today-1"], "2026-11-24", true), (Op.Equals, ["today+1"], "2026-11-25", false),
            (NotEquals, ["2026-11-25"], "2026-11-24", true), (NotEquals, ["2026-11-25"], "2026-11-25", false),
            (Before, ["2026-02-01"], "2026-01-31", true), (Before, ["2026-02-01"], "2026-02-01", false),
            (Before, ["today"], "2026-11-24", true), (Before, ["today"], "2026-11-25", false), // overdue
            (After, ["2026-01-31"], "2026-02-01", true), (After, ["2026-01-31"], "2026-01-31", false),
            (After, ["today+2"], "2026-11-28", true), (After, ["today+2"], "2026-11-27", false),
            (Between, ["2026-11-01", "2026-11-30"], "2026-11-30", true), (Between, ["2026-11-01", "2026-11-30"], "2026-12-01", false),
            (Between, ["today-7", "today"], "2026-11-18", true), (Between, ["today-7", "today"], "2026-11-17", false),
            (WithinLastHours, ["1"], "2026-11-25", true), // today has begun
            (WithinLastHours, ["24"], "2026-11-24", true), (WithinLastHours, ["24"], "2026-11-23", false),
            (WithinLastHours, ["13"], "2026-11-24", true), (WithinLastHours, ["12"], "2026-11-24", false), // yesterday ended 12 hours ago
            (WithinLastHours, ["24"], "2026-11-26", false), // a day still to come
            (IsEmpty, [], null, true), (IsEmpty, [], "2026-11-25", false),
            (IsNotEmpty, [], "2026-11-25", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Service,
            (Op.Equals, ["Install"], "Install", true), (Op.Equals, ["Install"], "Repair", false),
            (NotEquals, ["Install"], "Repair", true), (NotEquals, ["Install"], "Install", false),
            (InList, ["Install", "Inspect"], "Inspect", true), (InList, ["Install", "Inspect"], "Repair", false),
            (NotInList, ["Install", "Inspect"], "Repair", true), (NotInList, ["Install", "Inspect"], "Install", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "Repair", false),
            (IsNotEmpty, [], "Repair", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Colors,
            (Contains, ["Blue"], """["Red","Blue"]""", true), (Contains, ["Green"], """["Red","Blue"]""", false),
            (NotContains, ["Green"], """["Red","Blue"]""", true), (NotContains, ["Blue"], """["Red","Blue"]""", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "[]", true), (IsEmpty, [], """["Red"]""", false),
            (IsNotEmpty, [], """["Red"]""", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Warranty,
            (IsEmpty, [], null, true), (IsEmpty, [], "true", false), // unchecked is stored as no value
            (IsNotEmpty, [], "true", true), (IsNotEmpty, [], null, false), (IsNotEmpty, [], "false", false)),
        .. Cases(TemplateBuilder.Contact,
            (Op.Equals, ["13800138000"], "13800138000", true), (Op.Equals, ["13800138000"], "13900139000", false),
            (NotEquals, ["13800138000"], "13900139000", true), (NotEquals, ["13800138000"], "13800138000", false),
            (Contains, ["0013"], "13800138000", true), (Contains, ["999"], "13800138000", false),
            (NotContains, ["999"], "13800138000", true), (NotContains, ["0013"], "13800138000", false),
            (StartsWith, ["138"], "13800138000", true), (StartsWith, ["139"], "13800138000", false),
            (EndsWith, ["8000"], "13800138000", true), (EndsWith, ["9000"], "13800138000", false),
            (InList, ["010-12345678", "13800138000"], "13800138000", true), (InList, ["010-12345678"], "13800138000", false),
            (NotInList, ["010-12345678"], "13800138000", true), (NotInList, ["13800138000"], "13800138000", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "13800138000", false),
            (IsNotEmpty, [], "13800138000", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Customer,
            (Op.Equals, ["42"], "42", true), (Op.Equals, ["42"], "420", false),
            (NotEquals, ["42"], "43", true), (NotEquals, ["42"], "42", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "42", false),
            (IsNotEmpty, [], "42", true), (IsNotEmpty, [], null, false)),
        .. Cases(TemplateBuilder.Order,
            (Op.Equals, ["JD-20261125-001"], "jd-20261125-001", true), (Op.Equals, ["JD-20261125-001"], "JD-20261125-002", false),
            (NotEquals, ["JD-20261125-001"], "JD-20261125-002", true), (NotEquals, ["JD-20261125-001"], "JD-20261125-001", false),
            (Contains, ["1125"], "JD-20261125-001", true), (Contains, ["1126"], "JD-20261125-001", false),
            (NotContains, ["1126"], "JD-20261125-001", true), (NotContains, ["1125"], "JD-20261125-001", false),
            (StartsWith, ["jd-"], "JD-20261125-001", true), (StartsWith, ["TB-"], "JD-20261125-001", false),
            (EndsWith, ["-001"], "JD-20261125-001", true), (EndsWith, ["-002"], "JD-20261125-001", false),
            (InList, ["TB-0001", "JD-20261125-001"], "JD-20261125-001", true), (InList, ["TB-0001"], "JD-20261125-001", false),
            (NotInList, ["TB-0001"], "JD-20261125-001", true), (NotInList, ["JD-20261125-001"], "JD-20261125-001", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "TB-0001", false),
            (IsNotEmpty, [], "TB-0001", true), (IsNotEmpty, [], null, false)),
    ];

    public static readonly IReadOnlyList<BuiltInCase> BuiltIns =
    [
        // Urgency by rank: greater is MORE urgent (Urgent > High > Normal > Low).
        .. Cases(BuiltInSubject.Urgency,
            (Op.Equals, ["High"], "High", true), (Op.Equals, ["Urgent"], "High", false),
            (NotEquals, ["Urgent"], "High", true), (NotEquals, ["High"], "High", false),
            (GreaterThan, ["Normal"], "High", true), (GreaterThan, ["High"], "High", false), (GreaterThan, ["Urgent"], "High", false),
            (GreaterOrEqual, ["High"], "High", true), (GreaterOrEqual, ["High"], "Urgent", true), (GreaterOrEqual, ["Urgent"], "High", false),
            (LessThan, ["Urgent"], "High", true), (LessThan, ["Normal"], "High", false), (LessThan, ["Normal"], "Low", true),
            (LessOrEqual, ["High"], "High", true), (LessOrEqual, ["Normal"], "High", false),
            (InList, ["Urgent", "High"], "High", true), (InList, ["Normal", "Low"], "High", false),
            (NotInList, ["Normal", "Low"], "High", true), (NotInList, ["High"], "High", false)),
        .. Cases(BuiltInSubject.Region,
            (Op.Equals, ["12"], "12", true), (Op.Equals, ["13"], "12", false), (Op.Equals, ["12"], null, false),
            (NotEquals, ["13"], "12", true), (NotEquals, ["12"], "12", false), (NotEquals, ["12"], null, true),
            (InList, ["11", "12"], "12", true), (InList, ["11", "13"], "12", false),
            (NotInList, ["11", "13"], "12", true), (NotInList, ["11", "12"], "12", false), (NotInList, ["11"], null, true),
            (IsEmpty, [], null, true), (IsEmpty, [], "12", false),
            (IsNotEmpty, [], "12", true), (IsNotEmpty, [], null, false)),
        .. Cases(BuiltInSubject.RegionTier,
            (Op.Equals, ["B"], "B", true), (Op.Equals, ["A"], "B", false),
            (NotEquals, ["A"], "B", true), (NotEquals, ["B"], "B", false),
            (InList, ["A", "B"], "B", true), (InList, ["A", "C"], "B", false), (InList, ["A"], null, false),
            (NotInList, ["A", "C"], "B", true), (NotInList, ["B"], "B", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "C", false),
            (IsNotEmpty, [], "C", true), (IsNotEmpty, [], null, false)),
        .. Cases(BuiltInSubject.CustomerLevel,
            (Op.Equals, ["Vip"], "Vip", true), (Op.Equals, ["Key"], "Vip", false),
            (NotEquals, ["Standard"], "Vip", true), (NotEquals, ["Vip"], "Vip", false),
            (InList, ["Vip", "Key"], "Key", true), (InList, ["Vip", "Key"], "Standard", false),
            (NotInList, ["Vip", "Key"], "Standard", true), (NotInList, ["Vip", "Key"], "Vip", false),
            (IsEmpty, [], null, true), (IsEmpty, [], "Standard", false),
            (IsNotEmpty, [], "Standard", true), (IsNotEmpty, [], null, false)),
        .. Cases(BuiltInSubject.Template,
            (Op.Equals, ["7"], "7", true), (Op.Equals, ["8"], "7", false),
            (NotEquals, ["8"], "7", true), (NotEquals, ["7"], "7", false),
            (InList, ["7", "8"], "7", true), (InList, ["8", "9"], "7", false),
            (NotInList, ["8", "9"], "7", true), (NotInList, ["7"], "7", false)),
        .. Cases(BuiltInSubject.UserRole,
            (Op.Equals, ["Agent"], "Agent", true), (Op.Equals, ["Admin"], "Agent", false), (Op.Equals, ["Agent"], null, false),
            (NotEquals, ["Admin"], "Agent", true), (NotEquals, ["Agent"], "Agent", false),
            (InList, ["Supervisor", "Admin"], "Admin", true), (InList, ["Supervisor", "Admin"], "Technician", false),
            (NotInList, ["Customer"], "Technician", true), (NotInList, ["Customer"], "Customer", false), (NotInList, ["Customer"], null, true),
            (IsEmpty, [], null, true), (IsEmpty, [], "Agent", false), // no acting user: an automatic step
            (IsNotEmpty, [], "Agent", true), (IsNotEmpty, [], null, false)),
    ];

    /// <summary>Valid canonical operands for <paramref name="op"/> on a <see cref="TemplateBuilder"/> field of <paramref name="type"/>.</summary>
    public static string[] SampleOperands(FieldType type, ConditionOperator op) => Sample(op, type switch
    {
        FieldType.Number or FieldType.WholeNumber => ["5", "10"],
        FieldType.Money => ["5.00", "10.00"],
        FieldType.Date when op == WithinLastHours => ["24"],
        FieldType.Date => ["2026-11-01", "today"],
        FieldType.Dropdown => ["Install", "Repair"],
        FieldType.MultiSelect => ["Red"],
        FieldType.Phone => ["13800138000", "010-12345678"],
        FieldType.CustomerLink => ["42"],
        FieldType.OrderLink => ["JD-20261125-001", "TB-0001"],
        _ => ["abc", "def"],
    });

    /// <summary>Valid canonical operands for <paramref name="op"/> on a built-in subject.</summary>
    public static string[] SampleOperands(BuiltInSubject subject, ConditionOperator op) => Sample(op, subject switch
    {
        BuiltInSubject.Urgency => ["Low", "Urgent"],
        BuiltInSubject.RegionTier => ["A", "B"],
        BuiltInSubject.CustomerLevel => ["Standard", "Vip"],
        BuiltInSubject.UserRole => ["Agent", "Admin"],
        _ => ["12", "13"],
    });

    private static string[] Sample(ConditionOperator op, string[] values) => op.Arity() switch
    {
        OperandArity.None => [],
        OperandArity.One => [values[0]],
        _ => values.Length > 1 ? [values[0], values[1]] : [values[0]],
    };

    private static IEnumerable<FieldCase> Cases(string key, params (ConditionOperator Op, string[] Operands, string? Value, bool Expected)[] cases) =>
        cases.Select(c => new FieldCase(key, c.Op, c.Operands, c.Value, c.Expected));

    private static IEnumerable<BuiltInCase> Cases(BuiltInSubject subject, params (ConditionOperator Op, string[] Operands, string? Actual, bool Expected)[] cases) =>
        cases.Select(c => new BuiltInCase(subject, c.Op, c.Operands, c.Actual, c.Expected));
}
