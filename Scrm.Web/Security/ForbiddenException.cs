using Scrm.Domain.Common;

namespace Scrm.Web.Security;

/// <summary>The current user's role does not allow this; the UI says so and changes nothing.</summary>
public sealed class ForbiddenException : DomainException
{
    public ForbiddenException() : base("Forbidden", "You do not have permission to do this.") { }

    public ForbiddenException(string message) : base("Forbidden", message) { }

    public ForbiddenException(string message, Exception inner) : base(message, inner) { }
}
