#!/usr/bin/env bash
# The container image's runtime, assembled from this machine instead of pulled from a registry
# (none is reachable where we build): a jlink'd Java 17, the shared libraries it loads, the CJK
# TrueType fonts PDFs embed, fontconfig, CA certificates and a non-root user. Jib lays the
# application over it (contract-app/pom.xml, profile "image"; docs/upgrades.md).
# Usage: deploy/image/build-runtime.sh <output directory>   (Debian/Ubuntu x86_64 with JDK 17 jmods)
set -euo pipefail
out=${1:?usage: build-runtime.sh <output directory>}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}
[ -d "$java_home/jmods" ] || { echo "build-runtime: no jmods in $java_home (install openjdk-17-jdk-headless)" >&2; exit 1; }
for f in /usr/share/fonts/truetype/arphic/uming.ttc /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc; do
  [ -f "$f" ] || { echo "build-runtime: $f missing (apt-get install fonts-arphic-uming fonts-wqy-zenhei)" >&2; exit 1; }
done

rm -rf "$out" && mkdir -p "$out"
# java.se plus what Spring, Camunda, CXF, the HSM adapter (PKCS#11) and Chinese text need
"$java_home/bin/jlink" --output "$out/opt/java" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en,zh \
  --add-modules java.se,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.security.auth,jdk.security.jgss,jdk.net,jdk.jfr,jdk.httpserver,jdk.xml.dom

# the JRE's trust store: Debian's JDK links it to the system one
rm -f "$out/opt/java/lib/security/cacerts"
cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

# shared libraries: everything the JRE's binaries and libraries load, except the X11/sound ones a
# headless server never loads, plus fontconfig (AWT opens it at run time to find fonts)
libs=$(mktemp)
for f in "$out"/opt/java/bin/* "$out"/opt/java/lib/*.so "$out"/opt/java/lib/server/*.so /lib/x86_64-linux-gnu/libfontconfig.so.1; do
  case "$(basename "$f")" in libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so|libatk-wrapper.so) continue ;; esac
  ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^[ \t]*\/lib/ {print $1}' >> "$libs"
done
echo /lib/x86_64-linux-gnu/libfontconfig.so.1 >> "$libs"
sort -u "$libs" | grep -v "^$out" | while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
rm -f "$libs"
for f in "$out"/opt/java/lib/libawt_xawt.so "$out"/opt/java/lib/libjawt.so "$out"/opt/java/lib/libsplashscreen.so \
         "$out"/opt/java/lib/libjsound.so; do rm -f "$f"; done

# fonts and fontconfig: the TrueType CJK fonts PDFBox embeds (econtract.rendering.*)
mkdir -p "$out/usr/share/fonts/truetype/arphic" "$out/usr/share/fonts/truetype/wqy" "$out/etc/fonts" "$out/var/cache/fontconfig"
cp /usr/share/fonts/truetype/arphic/uming.ttc "$out/usr/share/fonts/truetype/arphic/"
cp /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc "$out/usr/share/fonts/truetype/wqy/"
cat > "$out/etc/fonts/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <cachedir>/tmp/fontconfig</cachedir>
</fontconfig>
XML

# a user to run as (uid 1000), the data directory it owns through the volume it is given, /tmp
mkdir -p "$out/etc" "$out/tmp" "$out/var/lib/econtract"
printf 'root:x:0:0:root:/root:/sbin/nologin\necontract:x:1000:1000:econtract:/var/lib/econtract:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\necontract:x:1000:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
du -sh "$out" | awk '{print "build-runtime: " $1 " in " $2}'
