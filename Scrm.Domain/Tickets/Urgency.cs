namespace Scrm.Domain.Tickets;

/// <summary>紧急程度. Declared most urgent first so sorting by value sorts by urgency.</summary>
public enum Urgency
{
    Urgent = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}
