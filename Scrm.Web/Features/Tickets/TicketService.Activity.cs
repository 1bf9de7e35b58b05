using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

/// <summary>The ticket's activity: comments with @mentions, its SLA countdowns and its history.</summary>
public sealed partial class TicketService
{
    public Task<IReadOnlyList<CommentRow>> CommentsAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        return work.ReadAsync<IReadOnlyList<CommentRow>>(async (db, token) =>
        {
            await RequireAccessAsync(db, actor, ticketId, TicketAccess.Work, token);
            var comments = await db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticketId).OrderByDescending(c => c.CreatedAt)
                .Select(c => new { c.Id, c.AuthorName, c.Text, c.CreatedAt }).ToListAsync(token);
            var mentioned = await TicketMentions.NamesAsync(db, comments.ConvertAll(c => c.Id), token);
            return comments.ConvertAll(c => new CommentRow(c.Id, c.AuthorName, c.Text, c.CreatedAt, mentioned.GetValueOrDefault(c.Id) ?? []));
        }, ct);
    }

    /// <summary>Who the actor's comment on the ticket may @mention (the actor left out): staff who may read the ticket.</summary>
    public Task<IReadOnlyList<MentionCandidate>> MentionCandidatesAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        return work.ReadAsync<IReadOnlyList<MentionCandidate>>(async (db, token) =>
            (await TicketMentions.CandidatesAsync(db, await RequireAccessAsync(db, actor, ticketId, TicketAccess.Work, token), token))
            .FindAll(c => c.UserId != actor.UserId), ct);
    }

    /// <summary>Adds a comment: the desk on any ticket, a technician on the tickets assigned to them.</summary>
    public Task AddCommentAsync(Actor actor, long ticketId, string? text, CancellationToken ct = default) =>
        AddCommentAsync(actor, ticketId, text, [], ct);

    /// <summary>Adds a comment that @mentions <paramref name="mentionedIds"/>, each of whom must be allowed to read the ticket.</summary>
    public Task AddCommentAsync(Actor actor, long ticketId, string? text, IReadOnlyCollection<string> mentionedIds, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        return work.RunAsync(actor, async (db, token) =>
        {
            var ticket = await RequireAccessAsync(db, actor, ticketId, TicketAccess.Work, token);
            var mayBeMentioned = mentionedIds.Count == 0 ? [] : (await TicketMentions.CandidatesAsync(db, ticket, token)).Select(c => c.UserId).ToHashSet();
            db.TicketComments.Add(TicketComment.Create(ticketId, actor.UserId, actor.DisplayName, text, mentionedIds, mayBeMentioned, time));
            await db.SaveChangesAsync(token);
        }, ct);
    }

    /// <summary>The ticket's running SLA targets and its breach flag, for the staff who work it.</summary>
    public Task<TicketSlaView> SlaAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        return work.ReadAsync(async (db, token) =>
        {
            var ticket = await RequireAccessAsync(db, actor, ticketId, TicketAccess.Work, token);
            return new TicketSlaView(await sla.RunningAsync(db, ticketId, token), ticket.SlaBreachedAt);
        }, ct);
    }

    /// <summary>Comments and history are the staff's working notes: the desk and the assigned technician only.</summary>
    public Task<IReadOnlyList<HistoryRow>> HistoryAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        return work.ReadAsync(async (db, token) =>
        {
            await RequireAccessAsync(db, actor, ticketId, TicketAccess.Work, token);
            return await TicketHistoryQuery.RunAsync(db, ticketId, token);
        }, ct);
    }
}
