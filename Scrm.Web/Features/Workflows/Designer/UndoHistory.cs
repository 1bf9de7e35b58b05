using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>Undo/redo by whole-graph snapshots: a 60-node graph is a few KB, so the last 50 edits cost nothing worth counting.</summary>
public sealed class UndoHistory
{
    private const int Limit = 50;
    private readonly List<WorkflowGraph> _undo = [];
    private readonly List<WorkflowGraph> _redo = [];
    private WorkflowGraph _current = new();

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    public void Reset(WorkflowGraph state)
    {
        _undo.Clear();
        _redo.Clear();
        _current = state;
    }

    /// <summary>Remembers <paramref name="state"/> as the latest; unchanged states are not recorded twice.</summary>
    public void Record(WorkflowGraph state)
    {
        if (state.Equals(_current))
        {
            return;
        }

        _undo.Add(_current);
        if (_undo.Count > Limit)
        {
            _undo.RemoveAt(0);
        }

        _redo.Clear();
        _current = state;
    }

    public WorkflowGraph? Undo() => Move(_undo, _redo);

    public WorkflowGraph? Redo() => Move(_redo, _undo);

    private WorkflowGraph? Move(List<WorkflowGraph> from, List<WorkflowGraph> to)
    {
        if (from.Count == 0)
        {
            return null;
        }

        to.Add(_current);
        _current = from[^1];
        from.RemoveAt(from.Count - 1);
        return _current;
    }
}
