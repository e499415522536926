#!/usr/bin/env bash
# Builds the release artifacts into dist/ (or $1):
#   manifestflow-VERSION-linux-x64.tar.gz  the native executable (PublishAot), LICENSE, README, CHANGELOG
#   ManifestFlow.VERSION.nupkg             the portable .NET tool package (JIT only: runs on any machine)
#   manifestflow-VERSION-image.oci.tar     the container image (Containerfile) as an OCI archive, tagged VERSION
#   SHA256SUMS                             checksums of the three
# VERSION comes from the git tag (MinVer, tags vX.Y.Z). The image needs buildah (run as root or rootless);
# IMAGE_BASE chooses its base (build/image.sh: default distroless/cc, `local` to assemble one from this
# machine when base images cannot be pulled). Timestamps come from SOURCE_DATE_EPOCH, else the commit's time.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
rid=${RID:-linux-x64}
command -v buildah >/dev/null || { echo "release.sh: buildah is needed for the image" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$dist"
mkdir -p "$dist"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}

# Any trim or AOT warning fails this publish (src/ManifestFlow.Cli/ManifestFlow.Cli.csproj).
dotnet publish src/ManifestFlow.Cli -c Release -r "$rid" -p:PublishAot=true -o "$work/native"
version=$("$work/native/manifestflow" --version)

name="manifestflow-$version-$rid"
mkdir -p "$work/$name"
cp "$work/native/manifestflow" LICENSE README.md CHANGELOG.md "$work/$name/"
# Reproducible archive: fixed order, owner and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$work" -cf - "$name" | gzip -n > "$dist/$name.tar.gz"

# The portable tool package: ReadyToRun would tie it to the packing machine's runtime identifier.
dotnet pack src/ManifestFlow.Cli -c Release -p:ToolReadyToRun=false -o "$dist"

# The image, from the executable just published; `podman load -i`, or `skopeo copy oci-archive:FILE
# docker://REGISTRY/manifestflow:VERSION` to push it (OCI tags cannot hold '+': it becomes '_').
tag=${version//+/_}
build/image.sh "$work/native/manifestflow" "localhost/manifestflow:$tag"
# An OCI layout tarred like the native archive: buildah's own oci-archive stamps the time of the push, so
# two builds of one commit would differ only there (the image digest is the same either way).
buildah push --quiet "localhost/manifestflow:$tag" "oci:$work/image:manifestflow:$tag"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$work/image" -cf "$dist/manifestflow-$version-image.oci.tar" .

(cd "$dist" && sha256sum -- *.tar.gz *.nupkg *.oci.tar > SHA256SUMS)
ls -l "$dist"
