using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;

namespace Scrm.Web.Shared;

/// <summary>Puts a refused operation into the user's language: <c>Error.{Code}</c> with its arguments.</summary>
public static class DomainErrors
{
    public static string Describe(this IStringLocalizer<SharedResource> l, DomainException error)
    {
        if (error is FieldValidationException fields && fields.Errors.Count + fields.InputErrors.Count > 0)
        {
            return string.Join(" ", fields.InputErrors.Select(e => l.Describe(e)).Concat(fields.Errors.Select(e => l.Describe(e))));
        }

        var text = l[$"Error.{error.Code}", error.Args.Select(a => LocalizeArg(l, a)).ToArray()];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    public static string Describe(this IStringLocalizer<SharedResource> l, FieldError error)
    {
        var text = l[$"FieldError.{error.Code}", [error.FieldLabel, .. error.Args]];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    // Field names and enum values passed as arguments have their own keys (Field.Title, Status.Closed).
    private static object LocalizeArg(IStringLocalizer<SharedResource> l, object arg)
    {
        var key = arg switch
        {
            Domain.Tickets.TicketStatus s => $"Status.{s}",
            Enum e => $"{e.GetType().Name}.{e}",
            string s => $"Field.{s}",
            _ => null,
        };
        if (key is null)
        {
            return arg;
        }

        var text = l[key];
        return text.ResourceNotFound ? arg : text.Value;
    }
}
