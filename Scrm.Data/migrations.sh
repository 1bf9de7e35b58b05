#!/usr/bin/env bash
# Adds a migration to both providers' sets: ./Scrm.Data/migrations.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Scrm.Data >/dev/null
dotnet ef migrations add "$1" --project Scrm.Data --context SqliteScrmDbContext --output-dir Migrations/Sqlite --no-build
dotnet ef migrations add "$1" --project Scrm.Data --context SqlServerScrmDbContext --output-dir Migrations/SqlServer --no-build
