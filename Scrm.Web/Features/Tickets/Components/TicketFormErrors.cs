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
            return new TicketFormErrors(l["NewTicket.FixFields"], null, fields.Errors);
        }

        var message = l.Describe(error);
        return new TicketFormErrors(message, error.Field is null ? null : new Dictionary<string, string> { [error.Field] = message }, null);
    }
}
