using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PricesAndSettlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PriceBookVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    DraftedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DraftedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReviewedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RejectReason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceBookVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceBookVersions_UserProfiles_DraftedById",
                        column: x => x.DraftedById,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PriceBookVersions_UserProfiles_ReviewedById",
                        column: x => x.ReviewedById,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    PayeeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RegionId = table.Column<long>(type: "bigint", nullable: true),
                    TierCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    PartnerTypeId = table.Column<long>(type: "bigint", nullable: true),
                    PostedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReversedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReversalKind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ReversalNote = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ReversedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Holds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Settlements_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Settlements_UserProfiles_PayeeId",
                        column: x => x.PayeeId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PayeeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    LineCount = table.Column<int>(type: "int", nullable: false),
                    ConfirmedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PaidById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_UserProfiles_PayeeId",
                        column: x => x.PayeeId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    WarehouseId = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsRemoved = table.Column<bool>(type: "bit", nullable: false),
                    RemovedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkLines_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriceEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    TierCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    PartnerTypeId = table.Column<long>(type: "bigint", nullable: false),
                    SettlementPrice = table.Column<long>(type: "bigint", nullable: false),
                    CustomerPrice = table.Column<long>(type: "bigint", nullable: false),
                    VersionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceEntries_PriceBookVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "PriceBookVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EarningsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PayeeId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    SettlementId = table.Column<long>(type: "bigint", nullable: false),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ItemKind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ItemName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    CustomerAmount = table.Column<long>(type: "bigint", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    IsAdjustment = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarningsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarningsEntries_Settlements_SettlementId",
                        column: x => x.SettlementId,
                        principalTable: "Settlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarningsEntries_UserProfiles_PayeeId",
                        column: x => x.PayeeId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ItemName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    PriceBookVersionId = table.Column<long>(type: "bigint", nullable: false),
                    UnitPrice = table.Column<long>(type: "bigint", nullable: false),
                    UnitCustomerPrice = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    CustomerAmount = table.Column<long>(type: "bigint", nullable: false),
                    SettlementId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementLines_Settlements_SettlementId",
                        column: x => x.SettlementId,
                        principalTable: "Settlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarningsEntries_PayeeId_Month",
                table: "EarningsEntries",
                columns: new[] { "PayeeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_EarningsEntries_SettlementId_LineNumber_Kind",
                table: "EarningsEntries",
                columns: new[] { "SettlementId", "LineNumber", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarningsEntries_TicketId",
                table: "EarningsEntries",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceBookVersions_DraftedById",
                table: "PriceBookVersions",
                column: "DraftedById");

            migrationBuilder.CreateIndex(
                name: "IX_PriceBookVersions_Number",
                table: "PriceBookVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceBookVersions_OneDraft",
                table: "PriceBookVersions",
                column: "State",
                unique: true,
                filter: "\"State\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_PriceBookVersions_PublishedFrom",
                table: "PriceBookVersions",
                column: "EffectiveFrom",
                unique: true,
                filter: "\"State\" = 'Published'");

            migrationBuilder.CreateIndex(
                name: "IX_PriceBookVersions_ReviewedById",
                table: "PriceBookVersions",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_PriceEntries_VersionId_Kind_ItemId_TierCode_PartnerTypeId",
                table: "PriceEntries",
                columns: new[] { "VersionId", "Kind", "ItemId", "TierCode", "PartnerTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementLines_SettlementId_Number",
                table: "SettlementLines",
                columns: new[] { "SettlementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_PayeeId_CompletedAt",
                table: "Settlements",
                columns: new[] { "PayeeId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_State_CompletedAt",
                table: "Settlements",
                columns: new[] { "State", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_TicketId_Round",
                table: "Settlements",
                columns: new[] { "TicketId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Month",
                table: "Statements",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_PayeeId_Month",
                table: "Statements",
                columns: new[] { "PayeeId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_TicketId",
                table: "WorkLines",
                column: "TicketId");

            // The ledger is append-only in the database too: no statement, from the app or a console, changes a row.
            migrationBuilder.Sql("""
                CREATE TRIGGER [EarningsEntries_AppendOnly] ON [EarningsEntries] INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    THROW 50000, 'EarningsEntries rows are append-only', 1;
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER [EarningsEntries_AppendOnly];");

            migrationBuilder.DropTable(
                name: "EarningsEntries");

            migrationBuilder.DropTable(
                name: "PriceEntries");

            migrationBuilder.DropTable(
                name: "SettlementLines");

            migrationBuilder.DropTable(
                name: "Statements");

            migrationBuilder.DropTable(
                name: "WorkLines");

            migrationBuilder.DropTable(
                name: "PriceBookVersions");

            migrationBuilder.DropTable(
                name: "Settlements");
        }
    }
}
