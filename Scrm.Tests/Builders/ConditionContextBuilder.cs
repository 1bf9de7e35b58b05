using Scrm.Domain.Conditions;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Tests.Builders;

/// <summary>A <see cref="ConditionContext"/> for the <see cref="TemplateBuilder"/> template: no field values, a Normal ticket, no region.</summary>
public sealed class ConditionContextBuilder
{
    /// <summary>Noon in China on 2026-11-25 (04:00 UTC).</summary>
    public static readonly DateTime DefaultNowUtc = new(2026, 11, 25, 4, 0, 0, DateTimeKind.Utc);

    public const long TemplateId = 7;

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private Urgency _urgency = Urgency.Normal;
    private long? _regionId;
    private long? _provinceId;
    private string? _tier;
    private CustomerLevel? _level;
    private Role? _role = Role.Agent;
    private DateTime _nowUtc = DefaultNowUtc;

    /// <summary>The field types of <see cref="TemplateBuilder"/>'s template, as the engine passes them.</summary>
    public static IReadOnlyDictionary<string, FieldType> FieldTypes { get; } =
        new TemplateBuilder().Build().Fields.ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal);

    /// <summary>Sets a canonical value; null leaves the field empty.</summary>
    public ConditionContextBuilder With(string key, string? value)
    {
        if (value is null)
        {
            _fields.Remove(key);
        }
        else
        {
            _fields[key] = value;
        }

        return this;
    }

    public ConditionContextBuilder Urgent(Urgency urgency)
    {
        _urgency = urgency;
        return this;
    }

    public ConditionContextBuilder InRegion(long? regionId, string? tier = null, long? provinceId = null)
    {
        (_regionId, _tier, _provinceId) = (regionId, tier, provinceId);
        return this;
    }

    public ConditionContextBuilder ForCustomer(CustomerLevel? level)
    {
        _level = level;
        return this;
    }

    public ConditionContextBuilder ActedBy(Role? role)
    {
        _role = role;
        return this;
    }

    public ConditionContextBuilder At(DateTime nowUtc)
    {
        _nowUtc = nowUtc;
        return this;
    }

    public ConditionContext Build() => new(new Dictionary<string, string>(_fields, StringComparer.Ordinal), _urgency, _regionId, _tier, _level, TemplateId, _role, _nowUtc, _provinceId);
}
