#!/bin/sh
# Copies the screenshots UserManualIT took into docs/manual/images, replacing the old ones.
# Run the test first (from the repository root):
#   mvn -B -o install -DskipTests
#   (cd contract-app && mvn -B -o failsafe:integration-test@embedded-default -Dit.test=UserManualIT)
#   docs/manual/update-screenshots.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
from="$here/../../contract-app/target/manual-screenshots"
if ! ls "$from"/*.png >/dev/null 2>&1; then
  echo "no screenshots in $from: run UserManualIT first" >&2
  exit 1
fi
mkdir -p "$here/images"
rm -f "$here"/images/*.png
cp "$from"/*.png "$here/images/"
ls "$here/images"
