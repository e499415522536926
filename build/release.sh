#!/usr/bin/env bash
# Builds the release artifacts into dist/ (or $1):
#   manifestflow-VERSION-linux-x64.tar.gz  the native executable (PublishAot), LICENSE, README, CHANGELOG
#   ManifestFlow.VERSION.nupkg             the portable .NET tool package (JIT only: runs on any machine)
#   SHA256SUMS                             checksums of both
# VERSION comes from the git tag (MinVer, tags vX.Y.Z). Container images are not built here.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
rid=${RID:-linux-x64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$dist"
mkdir -p "$dist"

# Any trim or AOT warning fails this publish (src/ManifestFlow.Cli/ManifestFlow.Cli.csproj).
dotnet publish src/ManifestFlow.Cli -c Release -r "$rid" -p:PublishAot=true -o "$work/native"
version=$("$work/native/manifestflow" --version)

name="manifestflow-$version-$rid"
mkdir -p "$work/$name"
cp "$work/native/manifestflow" LICENSE README.md CHANGELOG.md "$work/$name/"
# Reproducible archive: fixed order, owner and times (SOURCE_DATE_EPOCH, else the commit's time).
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$name" | gzip -n > "$dist/$name.tar.gz"

# The portable tool package: ReadyToRun would tie it to the packing machine's runtime identifier.
dotnet pack src/ManifestFlow.Cli -c Release -p:ToolReadyToRun=false -o "$dist"

(cd "$dist" && sha256sum -- *.tar.gz *.nupkg > SHA256SUMS)
ls -l "$dist"
