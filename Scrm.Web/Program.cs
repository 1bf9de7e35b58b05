using Scrm.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddScrmWeb();

var app = builder.Build();
await app.UseScrmWebAsync();
await app.RunAsync();
