using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RatedAt",
                table: "Tickets",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "Tickets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RatingComment",
                table: "Tickets",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReopenCount",
                table: "Tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ItemCategory",
                table: "SettlementLines",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            // Lines priced before categories were kept take their item's category of today: the best there is.
            migrationBuilder.Sql("""
                UPDATE l SET l.[ItemCategory] = s.[Category] FROM [SettlementLines] l JOIN [ServiceItems] s ON s.[Id] = l.[ItemId] WHERE l.[Kind] = N'Service';
                """);

            migrationBuilder.CreateTable(
                name: "AssigneeLoads",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OpenTickets = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssigneeLoads", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "PayeeDayRollups",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    PayeeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RevenueFen = table.Column<long>(type: "bigint", nullable: false),
                    CostFen = table.Column<long>(type: "bigint", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayeeDayRollups", x => new { x.Day, x.RegionId, x.PayeeId });
                });

            migrationBuilder.CreateTable(
                name: "RevenueDayRollups",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PartnerTypeId = table.Column<long>(type: "bigint", nullable: false),
                    RevenueFen = table.Column<long>(type: "bigint", nullable: false),
                    CostFen = table.Column<long>(type: "bigint", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueDayRollups", x => new { x.Day, x.RegionId, x.Category, x.PartnerTypeId });
                });

            migrationBuilder.CreateTable(
                name: "TicketDayRollups",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    Created = table.Column<long>(type: "bigint", nullable: false),
                    Open = table.Column<long>(type: "bigint", nullable: false),
                    Finished = table.Column<long>(type: "bigint", nullable: false),
                    Cancelled = table.Column<long>(type: "bigint", nullable: false),
                    SlaMet = table.Column<long>(type: "bigint", nullable: false),
                    SlaBreached = table.Column<long>(type: "bigint", nullable: false),
                    OpenBreached = table.Column<long>(type: "bigint", nullable: false),
                    Responded = table.Column<long>(type: "bigint", nullable: false),
                    FirstResponseMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Resolutions = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionMinutes = table.Column<long>(type: "bigint", nullable: false),
                    EverResolved = table.Column<long>(type: "bigint", nullable: false),
                    Reopened = table.Column<long>(type: "bigint", nullable: false),
                    FirstTimeFixes = table.Column<long>(type: "bigint", nullable: false),
                    Ratings = table.Column<long>(type: "bigint", nullable: false),
                    RatingSum = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketDayRollups", x => new { x.Day, x.RegionId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssigneeLoads");

            migrationBuilder.DropTable(
                name: "PayeeDayRollups");

            migrationBuilder.DropTable(
                name: "RevenueDayRollups");

            migrationBuilder.DropTable(
                name: "TicketDayRollups");

            migrationBuilder.DropColumn(
                name: "RatedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "RatingComment",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ReopenCount",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ItemCategory",
                table: "SettlementLines");
        }
    }
}
