using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets.Components;

/// <summary>A refused save, placed where the user can act on it: a summary, the standard input it names, the custom fields.</summary>
public sealed record TicketFormErrors(string Summary, IReadOnlyDictionary<string, string>? Inputs, IReadOnlyList<FieldError>? Fields)
{
    public static TicketFormErrors From(IStringLocalizer<SharedResource> l, DomainException error)
    {
        if (error is FieldValidationException fields)
        {
            var inputs = fields.InputErrors.Where(e => e.Field is not null).GroupBy(e => e.Field!).ToDictionary(g => g.Key, g => l.Describe(g.First()));
            return new TicketFormErrors(l["NewTicket.FixFields"], inputs, fields.Errors);
        }

        var message = l.Describe(error);
        return new TicketFormErrors(message, error.Field is null ? null : new Dictionary<string, string> { [error.Field] = message }, null);
    }
}
