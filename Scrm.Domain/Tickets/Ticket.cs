using Scrm.Domain.Common;
using Scrm.Domain.Templates;

namespace Scrm.Domain.Tickets;

/// <summary>工单: one customer request, created from a template and worked until closed.</summary>
public sealed partial class Ticket : AggregateRoot
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4000;

    private readonly List<TicketFieldValue> _fields = [];

    private Ticket() { }

    public long Id { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public Urgency Urgency { get; private set; }
    public TicketStatus Status { get; private set; }
    public long TemplateId { get; private set; }
    public long? CustomerId { get; private set; }
    public long? RegionId { get; private set; }
    public string? AssigneeId { get; private set; }
    public string CreatedById { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyCollection<TicketFieldValue> Fields => _fields;

    /// <summary>The canonical custom field values by key.</summary>
    public IReadOnlyDictionary<string, string> FieldValueMap => _fields.ToDictionary(f => f.FieldKey, f => f.Value, StringComparer.Ordinal);

    public static Ticket Create(TicketNumber number, TicketTemplate template, TicketDetails details,
        IReadOnlyDictionary<string, string?> rawFields, string createdById, TimeProvider time)
    {
        if (!template.IsActive)
        {
            throw new DomainException("TemplateInactive", $"The template {template.Name} is no longer in use; choose another.", template.Name);
        }

        var values = ValidateInputs(template, details, rawFields);
        var now = time.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Number = number.ToString(),
            TemplateId = template.Id,
            CreatedById = createdById,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ticket.ApplyDetails(details);
        // After ApplyDetails, which turns a blank assignee (an empty select posts "") into none.
        ticket.Status = ticket.AssigneeId is null ? TicketStatus.New : TicketStatus.Assigned;
        // Taking the call and dispatching it at once is the first response.
        ticket.FirstRespondedAt = ticket.AssigneeId is null ? null : now;
        ticket.AssignedAt = ticket.FirstRespondedAt;
        ticket.ApplyFields(template, values);
        ticket.Raise(new TicketCreated(ticket));
        if (ticket.AssigneeId is not null)
        {
            ticket.Raise(new TicketAssigned(ticket, null, ticket.AssigneeId));
        }

        return ticket;
    }

    /// <summary>Changes title, description, urgency, customer, region, assignee and custom fields in one step.</summary>
    public void Edit(TicketTemplate template, TicketDetails details, IReadOnlyDictionary<string, string?> rawFields, TimeProvider time)
    {
        EnsureOpen();
        if (template.Id != TemplateId)
        {
            throw new DomainException("TemplateMismatch", "The fields belong to another template.");
        }

        var values = ValidateInputs(template, details, rawFields);
        var before = Snapshot();
        var previousAssignee = AssigneeId;
        ApplyDetails(details);
        ApplyFields(template, values);
        var changed = Changes(before, Snapshot());
        if (changed.Count == 0)
        {
            return;
        }

        Raise(new TicketEdited(this, changed));
        if (AssigneeId != previousAssignee)
        {
            Raise(new TicketAssigned(this, previousAssignee, AssigneeId));
            AssignedAt = AssigneeId is null ? null : time.GetUtcNow().UtcDateTime;
            if (AssigneeId is not null)
            {
                RecordResponse(time.GetUtcNow().UtcDateTime);
            }
        }

        // A workflow ticket's status belongs to its current node: only the workflow moves it.
        if (WorkflowId is null && Status == TicketStatus.New && AssigneeId is not null)
        {
            SetStatus(TicketStatus.Assigned);
        }
        else if (WorkflowId is null && Status == TicketStatus.Assigned && previousAssignee is not null && AssigneeId is null)
        {
            SetStatus(TicketStatus.New);
        }

        Touch(time);
    }

    // The inputs an edit can change, by the names the change feed and the audit use.
    private Dictionary<string, string?> Snapshot()
    {
        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(Title)] = Title,
            [nameof(Description)] = Description,
            [nameof(Urgency)] = Urgency.ToString(),
            [nameof(CustomerId)] = CustomerId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [nameof(RegionId)] = RegionId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [nameof(AssigneeId)] = AssigneeId,
        };
        foreach (var field in _fields)
        {
            inputs["Fields." + field.FieldKey] = field.Value;
        }

        return inputs;
    }

    private static List<string> Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).Order(StringComparer.Ordinal).ToList();

    private void SetStatus(TicketStatus next)
    {
        if (Status != next)
        {
            var previous = Status;
            Status = next;
            // Work starting again on a resolved ticket is a reopening (返修); waiting on hold after resolving (a complaint's
            // objection window) is not.
            if (previous == TicketStatus.Resolved && next is TicketStatus.New or TicketStatus.Assigned or TicketStatus.InProgress)
            {
                ReopenCount++;
            }

            Raise(new TicketStatusChanged(this, previous, next));
        }
    }

    public void ChangeStatus(TicketStatus next, TimeProvider time)
    {
        if (WorkflowId is not null)
        {
            throw new DomainException("WorkflowDrivesStatus", "This ticket follows a workflow: use its buttons to move it on.");
        }

        if (!TicketStatusRules.NextFrom(Status).Contains(next))
        {
            throw new DomainException("StatusTransitionInvalid", $"A ticket that is {Status} cannot become {next}.", Status, next);
        }

        if (next == TicketStatus.Assigned && AssigneeId is null)
        {
            throw new DomainException("AssigneeRequired", "Choose an assignee before dispatching the ticket.") { Field = "AssigneeId" };
        }

        RecordResponse(time.GetUtcNow().UtcDateTime);
        SetStatus(next);
        Touch(time);
    }

    /// <summary>
    /// Checks the standard inputs and the custom fields together, so a refused form flags every problem at once;
    /// returns the canonical field values.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ValidateInputs(TicketTemplate template, TicketDetails details, IReadOnlyDictionary<string, string?> rawFields)
    {
        var inputErrors = new List<DomainException>();
        void Check(Action check)
        {
            try
            {
                check();
            }
            catch (DomainException ex)
            {
                inputErrors.Add(ex);
            }
        }

        Check(() => Guard.RequiredText(details.Title, "Title", TitleMaxLength));
        Check(() => Guard.OptionalText(details.Description, "Description", DescriptionMaxLength));
        IReadOnlyList<FieldError> fieldErrors = [];
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
        try
        {
            values = template.ValidateValues(rawFields);
        }
        catch (FieldValidationException ex)
        {
            fieldErrors = ex.Errors;
        }

        return (inputErrors.Count, fieldErrors.Count) switch
        {
            (0, 0) => values,
            (1, 0) => throw inputErrors[0],
            _ => throw new FieldValidationException(fieldErrors, inputErrors),
        };
    }

    private void ApplyDetails(TicketDetails details)
    {
        Title = Guard.RequiredText(details.Title, "Title", TitleMaxLength);
        Description = Guard.OptionalText(details.Description, "Description", DescriptionMaxLength);
        if (!Enum.IsDefined(details.Urgency))
        {
            throw new DomainException("UrgencyInvalid", "Choose an urgency.") { Field = "Urgency" };
        }

        Urgency = details.Urgency;
        CustomerId = details.CustomerId;
        RegionId = details.RegionId;
        AssigneeId = string.IsNullOrWhiteSpace(details.AssigneeId) ? null : details.AssigneeId;
    }

    private void ApplyFields(TicketTemplate template, IReadOnlyDictionary<string, string> values)
    {
        // Values of fields the template has since dropped stay as they were recorded.
        _fields.RemoveAll(f => !values.ContainsKey(f.FieldKey) && template.FindField(f.FieldKey) is not null);
        foreach (var (key, value) in values)
        {
            SetFieldValue(key, value);
        }
    }

    /// <summary>Sets one canonical value; null removes it.</summary>
    private void SetFieldValue(string key, string? value)
    {
        var existing = _fields.Find(f => f.FieldKey == key);
        if (value is null)
        {
            _fields.RemoveAll(f => f.FieldKey == key);
        }
        else if (existing is null)
        {
            _fields.Add(new TicketFieldValue(key, value));
        }
        else if (existing.Value != value)
        {
            existing.Value = value;
        }
    }

    private void EnsureOpen()
    {
        if (!TicketStatusRules.IsOpen(Status))
        {
            throw new DomainException("TicketClosed", $"Ticket {Number} is {Status} and can no longer be edited.", Number, Status);
        }
    }

    private void Touch(TimeProvider time) => UpdatedAt = time.GetUtcNow().UtcDateTime;
}

/// <summary>The standard (non-custom) inputs of a ticket.</summary>
public sealed record TicketDetails(string? Title, string? Description, Urgency Urgency, long? CustomerId, long? RegionId, string? AssigneeId);
