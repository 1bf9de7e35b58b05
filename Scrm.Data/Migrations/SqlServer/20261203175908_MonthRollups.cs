using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MonthRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PayeeMonthRollups",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    PayeeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RevenueFen = table.Column<long>(type: "bigint", nullable: false),
                    CostFen = table.Column<long>(type: "bigint", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayeeMonthRollups", x => new { x.Month, x.RegionId, x.PayeeId });
                });

            migrationBuilder.CreateTable(
                name: "RevenueMonthRollups",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PartnerTypeId = table.Column<long>(type: "bigint", nullable: false),
                    RevenueFen = table.Column<long>(type: "bigint", nullable: false),
                    CostFen = table.Column<long>(type: "bigint", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueMonthRollups", x => new { x.Month, x.RegionId, x.Category, x.PartnerTypeId });
                });

            // The month rollups start as the sums of the day rollups already kept.
            migrationBuilder.Sql("""
                INSERT INTO [RevenueMonthRollups] ([Month], [RegionId], [Category], [PartnerTypeId], [RevenueFen], [CostFen], [Settled])
                SELECT DATEFROMPARTS(YEAR([Day]), MONTH([Day]), 1), [RegionId], [Category], [PartnerTypeId], SUM([RevenueFen]), SUM([CostFen]), SUM([Settled])
                FROM [RevenueDayRollups] GROUP BY DATEFROMPARTS(YEAR([Day]), MONTH([Day]), 1), [RegionId], [Category], [PartnerTypeId];
                INSERT INTO [PayeeMonthRollups] ([Month], [RegionId], [PayeeId], [RevenueFen], [CostFen], [Settled])
                SELECT DATEFROMPARTS(YEAR([Day]), MONTH([Day]), 1), [RegionId], [PayeeId], SUM([RevenueFen]), SUM([CostFen]), SUM([Settled])
                FROM [PayeeDayRollups] GROUP BY DATEFROMPARTS(YEAR([Day]), MONTH([Day]), 1), [RegionId], [PayeeId];
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PayeeMonthRollups");

            migrationBuilder.DropTable(
                name: "RevenueMonthRollups");
        }
    }
}
