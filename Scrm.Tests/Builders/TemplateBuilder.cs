using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;

namespace Scrm.Tests.Builders;

/// <summary>
/// A template with one field of every <see cref="FieldType"/> (keys below) and one 智能必填 rule:
/// when <see cref="Service"/> equals <see cref="InstallService"/>, <see cref="VisitDate"/> is required.
/// </summary>
public sealed class TemplateBuilder
{
    public const string Note = "note";
    public const string Details = "details";
    public const string Quantity = "quantity";
    public const string Units = "units";
    public const string Amount = "amount";
    public const string VisitDate = "visit_date";
    public const string Service = "service";
    public const string Colors = "colors";
    public const string Warranty = "warranty";
    public const string Contact = "contact_phone";
    public const string Customer = "customer";
    public const string Order = "order_no";

    public const string InstallService = "Install";
    public static readonly string[] ServiceOptions = ["Repair", InstallService, "Inspect"];
    public static readonly string[] ColorOptions = ["Red", "Green", "Blue"];

    private string _name = "Repair visit";
    private bool _withRule = true;
    private readonly HashSet<string> _required = [];

    public TemplateBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Marks a field as always required.</summary>
    public TemplateBuilder Requiring(string key)
    {
        _required.Add(key);
        return this;
    }

    public TemplateBuilder WithoutRule()
    {
        _withRule = false;
        return this;
    }

    public TicketTemplate Build()
    {
        var template = new TicketTemplate(_name, "Every field type");
        Add(template, Note, "Note", FieldType.Text);
        Add(template, Details, "Details", FieldType.Multiline);
        Add(template, Quantity, "Quantity", FieldType.Number, min: 0, max: 1000);
        Add(template, Units, "Units", FieldType.WholeNumber, min: 1, max: 20);
        Add(template, Amount, "Amount", FieldType.Money);
        Add(template, VisitDate, "Visit date", FieldType.Date);
        Add(template, Service, "Service", FieldType.Dropdown, ServiceOptions);
        Add(template, Colors, "Colors", FieldType.MultiSelect, ColorOptions);
        Add(template, Warranty, "Under warranty", FieldType.Checkbox);
        Add(template, Contact, "Contact phone", FieldType.Phone);
        Add(template, Customer, "Customer", FieldType.CustomerLink);
        Add(template, Order, "Order", FieldType.OrderLink);
        if (_withRule)
        {
            template.AddRule(Service, ConditionOperator.Equals, InstallService, VisitDate);
        }

        return template;
    }

    private void Add(TicketTemplate template, string key, string label, FieldType type, string[]? options = null,
        decimal? min = null, decimal? max = null) =>
        template.AddField(key, label, type, _required.Contains(key), options: options, min: min, max: max);
}
