namespace Scrm.Domain.Users;

/// <summary>Who a user is to the company. The names double as ASP.NET Core role names.</summary>
public enum Role
{
    Admin,
    Supervisor,
    Agent,
    Technician,
    Finance,
    Sales,
    Customer,
}
