using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TemplateNameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketTemplates_Name",
                table: "TicketTemplates");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "TicketTemplates",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Existing names keep their meaning; names differing only in ASCII case could not exist under the app's old check.
            migrationBuilder.Sql("UPDATE TicketTemplates SET NameKey = UPPER(TRIM(Name));");

            migrationBuilder.CreateIndex(
                name: "IX_TicketTemplates_NameKey",
                table: "TicketTemplates",
                column: "NameKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketTemplates_NameKey",
                table: "TicketTemplates");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "TicketTemplates");

            migrationBuilder.CreateIndex(
                name: "IX_TicketTemplates_Name",
                table: "TicketTemplates",
                column: "Name",
                unique: true);
        }
    }
}
