#!/usr/bin/env bash
# A local single-node Elasticsearch for SearchDriver, from the integ-test zip the build resolved.
# Elasticsearch refuses root: as root it runs as the user econtract-es (.ci/run creates it).
set -euo pipefail
version=8.19.6
zip="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$version/elasticsearch-$version.zip"
base=$(mktemp -d /tmp/econtract-es-bench-XXXX)
unzip -q "$zip" -d "$base"
chmod 755 "$base"
run=()
if [ "$(id -u)" = 0 ]; then chown -R econtract-es: "$base"; run=(runuser -u econtract-es --); fi
"${run[@]}" env ES_JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" ES_JAVA_OPTS="-Xms1g -Xmx1g" \
  "$base/elasticsearch-$version/bin/elasticsearch" -E discovery.type=single-node -E xpack.security.enabled=false \
  -E network.host=127.0.0.1 -E http.port="${1:-9200}" -E path.data="$base/data" -E path.logs="$base/logs"
