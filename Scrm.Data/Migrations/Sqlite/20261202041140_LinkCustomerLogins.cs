using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkCustomerLogins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CustomerId",
                table: "UserProfiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserProfiles_CustomerId",
                table: "UserProfiles",
                column: "CustomerId");

            migrationBuilder.AddForeignKey(
                name: "FK_UserProfiles_Customers_CustomerId",
                table: "UserProfiles",
                column: "CustomerId",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_UserProfiles_Customers_CustomerId",
                table: "UserProfiles");

            migrationBuilder.DropIndex(
                name: "IX_UserProfiles_CustomerId",
                table: "UserProfiles");

            migrationBuilder.DropColumn(
                name: "CustomerId",
                table: "UserProfiles");
        }
    }
}
