using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration.Json;
using MudBlazor;
using MudBlazor.Services;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Data.Providers;
using Scrm.Data.Seed;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Components;
using Scrm.Web.Features.Dashboards.Dwell;
using Scrm.Web.Features.Account;
using Scrm.Web.Features.Boards;
using Scrm.Web.Features.Catalog;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Revenue;
using Scrm.Web.Features.Dashboards.Operations;
using Scrm.Web.Features.Finance;
using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Pricing;
using Scrm.Web.Features.Admin;
using Scrm.Web.Features.Assignment;
using Scrm.Web.Features.Home;
using Scrm.Web.Features.Notifications;
using Scrm.Web.Features.Regions;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Users;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Hosting;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddScrmWeb(this WebApplicationBuilder builder)
    {
        AddRootSettings(builder);
        ResolveSqlitePath(builder);
        builder.AddTransportSecurity();
        var services = builder.Services;
        services.AddScrmData(builder.Configuration);
        services.AddSingleton(ExportFiles.For(builder.Configuration, builder.Environment.ContentRootPath));
        AddIdentity(services, builder.Environment);
        ConfigureRequestLocalization(services);
        services.AddRazorComponents().AddInteractiveServerComponents()
            // Deliberate, not the 32 KB default: a long paste stays within it (inputs enforce their own limits),
            // while one client still cannot make the server buffer large messages.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 64 * 1024);
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter);
        services.AddScrmFeatures();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowTimerService>());
        services.AddHostedService<OutboxDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaEscalationService>());
        services.AddHostedService(sp => sp.GetRequiredService<ExportCleanupService>());
        services.AddHostedService(sp => sp.GetRequiredService<RollupRebuildRunner>());
        return builder;
    }

    public static async Task UseScrmWebAsync(this WebApplication app)
    {
        await app.Services.MigrateScrmDatabaseAsync();
        if (SeedsDemoCompany(app))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
            await DemoCompanySeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        app.UseForwardedHeadersBehindProxy();
        app.UseSecurityHeaders();
        app.UseErrorPages();
        app.UseHttpsOnly();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapCatalogEndpoints();
        app.MapExportEndpoints();
        app.MapFinanceEndpoints();
        app.MapRevenueDashboardEndpoints();
        app.MapOperationsDashboardEndpoints();
        app.MapDwellEndpoints();
    }

    /// <summary>
    /// The demo company shares one published password: only where a developer runs the app, unless a deployment
    /// sets <c>Database:SeedDemoCompany</c> explicitly (false wins in Development too).
    /// </summary>
    private static bool SeedsDemoCompany(WebApplication app) =>
        app.Configuration.GetValue<bool?>("Database:SeedDemoCompany") ?? app.Environment.IsDevelopment();

    /// <summary>The design card keeps appsettings.json at the repository root; it is copied beside the binaries.</summary>
    private static void AddRootSettings(WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        if (File.Exists(file) && !File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            // Same precedence as a content-root appsettings.json: below environment files, variables and arguments.
            var source = new JsonConfigurationSource { Path = file, Optional = false, ReloadOnChange = false };
            source.ResolveFileProvider();
            sources.Insert(index < 0 ? 0 : index + 1, source); // ConfigurationManager reloads on change
        }
    }

    /// <summary>A relative SQLite file lives under the app's content root (Scrm.Web/App_Data), wherever it is started from.</summary>
    private static void ResolveSqlitePath(WebApplicationBuilder builder)
    {
        if ((builder.Configuration["Database:Provider"] ?? DatabaseProvider.Sqlite) != DatabaseProvider.Sqlite
            || builder.Configuration.GetConnectionString("Scrm") is not { } connectionString)
        {
            return;
        }

        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.Combine(builder.Environment.ContentRootPath, csb.DataSource);
            builder.Configuration["ConnectionStrings:Scrm"] = csb.ToString();
        }
    }

    private static void AddIdentity(IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // Development runs on plain http (README); everywhere else the cookie never travels unencrypted.
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // A deactivated user, a changed role or a logout elsewhere ends the cookie on its next request.
            o.Events.OnValidatePrincipal = SessionValidator.RejectStaleCookieAsync;
        });
        services.AddSingleton<SessionValidator>();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SignInThrottle>();
        services.AddAuthorization();

        // Identity's stores want a scoped context; the rest of the app uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContext());
        // Accounts lock in the database after repeated failures (decision 0007); SignInThrottle limits client addresses.
        services.AddIdentityCore<ScrmUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<ScrmDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScrmClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Identity agrees with the domain on what one account is and what a good password is: its own normalizer and
        // composition rules are replaced, not run beside ours.
        services.Replace(ServiceDescriptor.Scoped<ILookupNormalizer, UserNameNormalizer>());
        services.RemoveAll<IPasswordValidator<ScrmUser>>();
        services.AddScoped<IPasswordValidator<ScrmUser>, PasswordPolicyValidator>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<PasswordChange>();
    }

    private static void ConfigureIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = PasswordPolicy.MinLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.MaxFailedAccessAttempts = PasswordSignIn.FailuresBeforeLockout;
        o.Lockout.DefaultLockoutTimeSpan = PasswordSignIn.LockoutDuration;
        o.Lockout.AllowedForNewUsers = true;
    }

    private static void ConfigureRequestLocalization(IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = UserProfile.SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // Only the user's own choice (a cookie set at login from their profile) counts, not the browser's.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    /// <summary>The signed-in user and the feature services: what pages and tests alike need on top of the data layer.</summary>
    public static IServiceCollection AddScrmFeatures(this IServiceCollection services)
    {
        services.AddScoped<CurrentUser>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddScoped<LookupService>();
        services.AddScoped<TicketService>();
        services.AddScoped<TemplateService>();
        services.AddScoped<AccountService>();
        services.AddScoped<WorkbenchService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationPreferenceService>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<WorkflowMigrationService>();
        services.AddScoped<RegionAdminService>();
        services.AddScoped<ReferenceDataService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<BoardService>();
        services.AddScoped<AssignmentService>();
        // AddIdentityCore registers the hasher first in the app; tests register the features without Identity.
        services.TryAddScoped<IPasswordHasher<ScrmUser>, PasswordHasher<ScrmUser>>();
        services.AddSingleton<WorkflowTimerService>();
        services.AddSingleton<TemplateCache>();
        services.AddSingleton<WorkflowVersionCache>();
        services.AddSla();
        services.AddCatalog();
        services.AddExports();
        services.AddSettlements();
        services.AddDashboards();
        services.AddFinance();
        services.AddScoped<Features.Field.FieldService>();
        services.AddPricing();
        AddBackgroundWork(services);
        return services;
    }

    /// <summary>The consumers of after-commit work (each registers its outbox route), the in-transaction handlers, their admin page, and the admin's rollup rebuild.</summary>
    private static void AddBackgroundWork(IServiceCollection services)
    {
        services.AddOutboxConsumer<NotificationRequested, WorkflowNotificationConsumer>();
        services.AddOutboxConsumer<TicketEscalated, EscalationNotificationConsumer>();
        services.AddOutboxConsumer<TicketAssigned, AssignedNotificationConsumer>();
        services.AddOutboxConsumer<TicketCommented, MentionNotificationConsumer>();
        services.AddOutboxConsumer<TicketUnassignable, UnassignedNotificationConsumer>();
        services.AddSingleton<IInTransactionHandler, AutoAssignHandler>();
        services.AddSingleton<IInTransactionHandler, AssignedByRuleHistory>();
        services.AddSingleton<IInTransactionHandler, EndSessionsOnDeactivation>();
        services.AddScoped<OutboxAdminService>();
        services.AddSingleton<RollupRebuildRunner>();
    }
}
