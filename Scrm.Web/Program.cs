using Scrm.Web;
using Scrm.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScrmWeb();

var app = builder.Build();
if (AppCommands.Find(args) is { } command)
{
    return await command(app, args);
}

await app.UseScrmWebAsync();
await app.RunAsync();
return 0;
