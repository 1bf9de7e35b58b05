using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scrm.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PeopleAndPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "UserProfiles",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "UserProfiles",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeComUserId",
                table: "UserProfiles",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectorId",
                table: "Regions",
                type: "nvarchar(450)",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "Regions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "AuditEntries",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerTypes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriceTiers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceTiers", x => x.Id);
                    table.UniqueConstraint("AK_PriceTiers_Code", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SkillTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillTags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserRegions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    RegionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserRegions", x => new { x.UserId, x.RegionId });
                    table.ForeignKey(
                        name: "FK_UserRegions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UserRegions_UserProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerTypeChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    PartnerTypeId = table.Column<long>(type: "bigint", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerTypeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerTypeChanges_PartnerTypes_PartnerTypeId",
                        column: x => x.PartnerTypeId,
                        principalTable: "PartnerTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnerTypeChanges_UserProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CityTierChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<long>(type: "bigint", nullable: false),
                    TierCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CityTierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CityTierChanges_PriceTiers_TierCode",
                        column: x => x.TierCode,
                        principalTable: "PriceTiers",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CityTierChanges_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSkills",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    SkillTagId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSkills", x => new { x.UserId, x.SkillTagId });
                    table.ForeignKey(
                        name: "FK_UserSkills_SkillTags_SkillTagId",
                        column: x => x.SkillTagId,
                        principalTable: "SkillTags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UserSkills_UserProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "UserProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_DirectorId",
                table: "Regions",
                column: "DirectorId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_At",
                table: "AuditEntries",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CityTierChanges_RegionId_EffectiveFrom",
                table: "CityTierChanges",
                columns: new[] { "RegionId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CityTierChanges_TierCode",
                table: "CityTierChanges",
                column: "TierCode");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTypeChanges_PartnerTypeId",
                table: "PartnerTypeChanges",
                column: "PartnerTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTypeChanges_UserId_EffectiveFrom",
                table: "PartnerTypeChanges",
                columns: new[] { "UserId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTypes_Name",
                table: "PartnerTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceTiers_Code",
                table: "PriceTiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkillTags_Name",
                table: "SkillTags",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserRegions_RegionId",
                table: "UserRegions",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSkills_SkillTagId",
                table: "UserSkills",
                column: "SkillTagId");

            migrationBuilder.AddForeignKey(
                name: "FK_AuditEntries_UserProfiles_UserId",
                table: "AuditEntries",
                column: "UserId",
                principalTable: "UserProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Regions_UserProfiles_DirectorId",
                table: "Regions",
                column: "DirectorId",
                principalTable: "UserProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The tier list and partner types every company starts with; the cities' tiers and users' regions move into
            // their new tables (in force since 2000-01-01), and technicians start as own staff until an admin says otherwise.
            migrationBuilder.Sql("INSERT INTO PriceTiers (Code, Name, SortOrder, Version) VALUES ('A', N'A 档', 1, 1), ('B', N'B 档', 2, 1), ('C', N'C 档', 3, 1);");
            migrationBuilder.Sql("INSERT INTO PartnerTypes (Name, SortOrder, Version) VALUES (N'自营', 1, 1), (N'加盟', 2, 1), (N'第三方', 3, 1);");
            migrationBuilder.Sql("INSERT INTO CityTierChanges (RegionId, TierCode, EffectiveFrom) SELECT Id, Tier, '2000-01-01' FROM Regions WHERE Tier IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO UserRegions (UserId, RegionId) SELECT Id, RegionId FROM UserProfiles WHERE RegionId IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO PartnerTypeChanges (UserId, PartnerTypeId, EffectiveFrom) SELECT p.Id, t.Id, '2000-01-01' FROM UserProfiles p CROSS JOIN PartnerTypes t WHERE p.Role = 'Technician' AND t.Name = N'自营';");

            migrationBuilder.DropForeignKey(
                name: "FK_UserProfiles_Regions_RegionId",
                table: "UserProfiles");

            migrationBuilder.DropIndex(
                name: "IX_UserProfiles_RegionId",
                table: "UserProfiles");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "UserProfiles");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Regions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AuditEntries_UserProfiles_UserId",
                table: "AuditEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_Regions_UserProfiles_DirectorId",
                table: "Regions");

            migrationBuilder.DropTable(
                name: "CityTierChanges");

            migrationBuilder.DropTable(
                name: "PartnerTypeChanges");

            migrationBuilder.DropTable(
                name: "UserRegions");

            migrationBuilder.DropTable(
                name: "UserSkills");

            migrationBuilder.DropTable(
                name: "PriceTiers");

            migrationBuilder.DropTable(
                name: "PartnerTypes");

            migrationBuilder.DropTable(
                name: "SkillTags");

            migrationBuilder.DropIndex(
                name: "IX_Regions_DirectorId",
                table: "Regions");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UserId_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "UserProfiles");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "UserProfiles");

            migrationBuilder.DropColumn(
                name: "WeComUserId",
                table: "UserProfiles");

            migrationBuilder.DropColumn(
                name: "DirectorId",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<long>(
                name: "RegionId",
                table: "UserProfiles",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Regions",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserProfiles_RegionId",
                table: "UserProfiles",
                column: "RegionId");

            migrationBuilder.AddForeignKey(
                name: "FK_UserProfiles_Regions_RegionId",
                table: "UserProfiles",
                column: "RegionId",
                principalTable: "Regions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
