namespace Scrm.Data.Saving;

/// <summary>
/// Reads the in-transaction handlers of one save share: every ticket of a batch of completions has the same technician,
/// city or price book, read once. Emptied when the save ends, so nothing read here outlives the transaction it was read in.
/// </summary>
public sealed class SaveCache
{
    private readonly Dictionary<(Type, object), object?> _items = [];

    public async Task<T> GetOrReadAsync<T>(object key, Func<Task<T>> read)
    {
        if (_items.TryGetValue((typeof(T), key), out var cached))
        {
            return (T)cached!;
        }

        var value = await read();
        _items[(typeof(T), key)] = value;
        return value;
    }

    /// <summary>State a handler builds up over the save (what it has seen so far), created on first use.</summary>
    public T GetOrAdd<T>(object key, Func<T> create)
    {
        if (!_items.TryGetValue((typeof(T), key), out var value))
        {
            _items[(typeof(T), key)] = value = create();
        }

        return (T)value!;
    }

    /// <summary>Stores a value read in bulk ahead of the handlers that will ask for it one key at a time.</summary>
    public void Remember<T>(object key, T value) => _items[(typeof(T), key)] = value;

    internal void Clear() => _items.Clear();
}
