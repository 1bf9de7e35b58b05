using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AssignmentRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssignmentRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    NodeId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    SkillTagId = table.Column<long>(type: "bigint", nullable: true),
                    Strategy = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    LastPickedUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentRules_SkillTags_SkillTagId",
                        column: x => x.SkillTagId,
                        principalTable: "SkillTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssignmentRules_TicketTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "TicketTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentRuleMembers",
                columns: table => new
                {
                    RuleId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentRuleMembers", x => new { x.RuleId, x.UserId });
                    table.ForeignKey(
                        name: "FK_AssignmentRuleMembers_AssignmentRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AssignmentRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssignmentRuleMembers_UserProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentRuleMembers_UserId",
                table: "AssignmentRuleMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentRules_SkillTagId",
                table: "AssignmentRules",
                column: "SkillTagId");

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentRules_TemplateId_NodeId_SortOrder",
                table: "AssignmentRules",
                columns: new[] { "TemplateId", "NodeId", "SortOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentRuleMembers");

            migrationBuilder.DropTable(
                name: "AssignmentRules");
        }
    }
}
