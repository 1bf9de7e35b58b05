using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CurrentNodeId",
                table: "Tickets",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TimerDueAt",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WorkflowId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NodeVisit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NodeName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExitedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExitedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ExitedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ExitedVia = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodeVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NodeVisit_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowDefinitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    GraphJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkflowDefinitions_TicketTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "TicketTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_TimerDueAt",
                table: "Tickets",
                column: "TimerDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_WorkflowId_CurrentNodeId",
                table: "Tickets",
                columns: new[] { "WorkflowId", "CurrentNodeId" });

            migrationBuilder.CreateIndex(
                name: "IX_NodeVisit_NodeId_EnteredAt",
                table: "NodeVisit",
                columns: new[] { "NodeId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NodeVisit_TicketId_EnteredAt",
                table: "NodeVisit",
                columns: new[] { "TicketId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_DefinitionId_Version",
                table: "WorkflowDefinitions",
                columns: new[] { "DefinitionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_TemplateId_IsPublished_Version",
                table: "WorkflowDefinitions",
                columns: new[] { "TemplateId", "IsPublished", "Version" });

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_WorkflowDefinitions_WorkflowId",
                table: "Tickets",
                column: "WorkflowId",
                principalTable: "WorkflowDefinitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_WorkflowDefinitions_WorkflowId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "NodeVisit");

            migrationBuilder.DropTable(
                name: "WorkflowDefinitions");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_TimerDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_WorkflowId_CurrentNodeId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CurrentNodeId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "TimerDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "WorkflowId",
                table: "Tickets");
        }
    }
}
