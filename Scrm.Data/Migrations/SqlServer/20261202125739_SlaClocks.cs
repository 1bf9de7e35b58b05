using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SlaClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstRespondedAt",
                table: "Tickets",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaBreachedAt",
                table: "Tickets",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaStoppedAt",
                table: "Tickets",
                type: "datetime2",
                nullable: true);

            // Tickets from before SLA clocks: whatever was already worked counts as responded, whatever was finished as
            // stopped, so no old ticket starts escalating the day this ships.
            migrationBuilder.Sql("UPDATE Tickets SET FirstRespondedAt = CreatedAt WHERE AssigneeId IS NOT NULL OR Status <> 'New'");
            migrationBuilder.Sql("UPDATE Tickets SET SlaStoppedAt = UpdatedAt WHERE Status IN ('Resolved', 'Closed', 'Cancelled')");

            migrationBuilder.CreateTable(
                name: "SlaEscalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    PolicyId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Target = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UsedMinutes = table.Column<int>(type: "int", nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaEscalations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    Urgency = table.Column<int>(type: "int", maxLength: 30, nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "int", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_TicketTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "TicketTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    WaitingStatusNames = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketSlaPauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    PausedMinutes = table.Column<int>(type: "int", nullable: true),
                    TicketId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketSlaPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketSlaPauses_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationLevel",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Target = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AfterMinutes = table.Column<int>(type: "int", nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    SlaPolicyId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationLevel", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationLevel_SlaPolicies_SlaPolicyId",
                        column: x => x.SlaPolicyId,
                        principalTable: "SlaPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EscalationLevel_UserProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaHoliday",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SlaSettingsId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaHoliday", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaHoliday_SlaSettings_SlaSettingsId",
                        column: x => x.SlaSettingsId,
                        principalTable: "SlaSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaMakeUpDay",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Start = table.Column<TimeOnly>(type: "time", nullable: false),
                    End = table.Column<TimeOnly>(type: "time", nullable: false),
                    SlaSettingsId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaMakeUpDay", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaMakeUpDay_SlaSettings_SlaSettingsId",
                        column: x => x.SlaSettingsId,
                        principalTable: "SlaSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaWorkingDay",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Start = table.Column<TimeOnly>(type: "time", nullable: false),
                    End = table.Column<TimeOnly>(type: "time", nullable: false),
                    SlaSettingsId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaWorkingDay", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaWorkingDay_SlaSettings_SlaSettingsId",
                        column: x => x.SlaSettingsId,
                        principalTable: "SlaSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationLevel_SlaPolicyId",
                table: "EscalationLevel",
                column: "SlaPolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationLevel_UserId",
                table: "EscalationLevel",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaEscalations_TicketId_PolicyId_Level",
                table: "SlaEscalations",
                columns: new[] { "TicketId", "PolicyId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaHoliday_SlaSettingsId",
                table: "SlaHoliday",
                column: "SlaSettingsId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaMakeUpDay_SlaSettingsId",
                table: "SlaMakeUpDay",
                column: "SlaSettingsId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_TemplateId_Urgency",
                table: "SlaPolicies",
                columns: new[] { "TemplateId", "Urgency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaWorkingDay_SlaSettingsId",
                table: "SlaWorkingDay",
                column: "SlaSettingsId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketSlaPauses_TicketId",
                table: "TicketSlaPauses",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationLevel");

            migrationBuilder.DropTable(
                name: "SlaEscalations");

            migrationBuilder.DropTable(
                name: "SlaHoliday");

            migrationBuilder.DropTable(
                name: "SlaMakeUpDay");

            migrationBuilder.DropTable(
                name: "SlaWorkingDay");

            migrationBuilder.DropTable(
                name: "TicketSlaPauses");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "SlaSettings");

            migrationBuilder.DropColumn(
                name: "FirstRespondedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaBreachedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaStoppedAt",
                table: "Tickets");
        }
    }
}
