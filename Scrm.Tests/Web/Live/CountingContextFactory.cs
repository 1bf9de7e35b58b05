using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;

namespace Scrm.Tests.Web.Live;

/// <summary>Wraps the app's context factory to count the contexts made: each feature-service read opens one.</summary>
internal sealed class CountingContextFactory : IDbContextFactory<ScrmDbContext>
{
    private IDbContextFactory<ScrmDbContext>? _inner;
    private int _created;

    public int Created => _created;

    public void Reset() => _created = 0;

    public ScrmDbContext CreateDbContext()
    {
        Interlocked.Increment(ref _created);
        return _inner!.CreateDbContext();
    }

    /// <summary>Replaces the registered factory with this counting one around it; call before any service is resolved.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<ScrmDbContext>));
        services.Remove(original);
        services.AddSingleton<IDbContextFactory<ScrmDbContext>>(sp =>
        {
            _inner ??= (IDbContextFactory<ScrmDbContext>)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return this;
        });
    }
}
