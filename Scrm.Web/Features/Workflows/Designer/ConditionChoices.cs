using Microsoft.Extensions.Localization;
using Scrm.Domain.Conditions;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>One value a condition operand can pick: the canonical operand and what the admin reads.</summary>
public sealed record Choice(string Value, string Text);

/// <summary>Regions, templates and tiers, loaded once by the page, for the 区域, 模板 and 城市档位 conditions.</summary>
public sealed record ConditionLookups(IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Templates, IReadOnlyList<Choice> Tiers)
{
    public static readonly ConditionLookups Empty = new([], [], []);
}

/// <summary>What the condition builder offers: subjects, and the values an operand can take when they form a list.</summary>
public static class ConditionChoices
{
    public static IEnumerable<(ConditionSubject Subject, string Text)> Subjects(TicketTemplate template, IStringLocalizer<SharedResource> l) =>
        Enum.GetValues<BuiltInSubject>().Select(b => (ConditionSubject.Of(b), l[$"BuiltInSubject.{b}"].Value))
            .Concat(template.Fields.Select(f => (ConditionSubject.Field(f.Key), f.Label)));

    /// <summary>The values to pick from, or null when the operand is typed (numbers, text, dates).</summary>
    public static IReadOnlyList<Choice>? Values(ConditionSubject subject, TicketTemplate template, ConditionLookups lookups,
        IStringLocalizer<SharedResource> l)
    {
        if (subject.FieldKey is { } key)
        {
            return template.FindField(key) is { Type: FieldType.Dropdown or FieldType.MultiSelect } field
                ? field.Options.Select(o => new Choice(o, o)).ToList()
                : null;
        }

        return subject.BuiltIn switch
        {
            BuiltInSubject.Urgency => Names<Urgency>("Urgency", l),
            BuiltInSubject.UserRole => Names<Role>("Role", l),
            BuiltInSubject.CustomerLevel => Names<CustomerLevel>("CustomerLevel", l),
            BuiltInSubject.RegionTier => lookups.Tiers,
            BuiltInSubject.Region => lookups.Regions,
            BuiltInSubject.Template => lookups.Templates,
            _ => null,
        };
    }

    public static string Key(ConditionSubject subject) => subject.FieldKey is { } key ? "f:" + key : "b:" + subject.BuiltIn;

    public static ConditionSubject Parse(string key) => key.StartsWith("f:", StringComparison.Ordinal)
        ? ConditionSubject.Field(key[2..])
        : ConditionSubject.Of(Enum.Parse<BuiltInSubject>(key[2..]));

    private static List<Choice> Names<T>(string prefix, IStringLocalizer<SharedResource> l)
        where T : struct, Enum =>
        Enum.GetNames<T>().Select(n => new Choice(n, l[$"{prefix}.{n}"] is { ResourceNotFound: false } t ? t.Value : n)).ToList();
}
