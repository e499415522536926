#!/usr/bin/env bash
# Builds the container image (Containerfile) with buildah from a native executable:
#   build/image.sh BINARY TAG
# IMAGE_BASE  the base image (default: the Containerfile's, distroless/cc). IMAGE_BASE=local assembles a
#             base from this machine instead: the C runtime libraries `ldd BINARY` lists, OpenSSL 3 (loaded
#             at run time) and an /etc/passwd with nobody and nonroot; for machines that cannot pull images
#             (and the image test).
# VERSION     the image's version label (default: what BINARY --version prints).
# SOURCE_DATE_EPOCH  the image's timestamps (default: the commit's time), so a rebuild is identical.
# buildah's storage follows CONTAINERS_STORAGE_CONF when set. Run as root or inside `buildah unshare`.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: build/image.sh BINARY TAG" >&2
  exit 2
fi
binary=$1
tag=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$binary" ] || { echo "image.sh: $binary is not an executable" >&2; exit 2; }
version=${VERSION:-$("$binary" --version)}
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

base_args=()
if [ "${IMAGE_BASE:-}" = local ]; then
  # Every library the dynamic loader maps, at the path it maps it from (the loader itself included).
  root="$work/base"
  mkdir -p "$root/etc" "$root/tmp"
  chmod 1777 "$root/tmp"
  # ldd shows what the executable links; .NET loads OpenSSL (libssl.so.3 with libcrypto.so.3) with dlopen
  # on the first SHA-256, so ldd cannot show it, and without it `fn` and `apply` fail.
  openssl=$(ldconfig -p | sed -n 's/^[[:space:]]*lib\(ssl\|crypto\)\.so\.3 (libc6,x86-64) => \(\/.*\)$/\2/p')
  [ "$(echo "$openssl" | wc -w)" -eq 2 ] || { echo "image.sh: IMAGE_BASE=local needs OpenSSL 3 (libssl.so.3, libcrypto.so.3) on this machine" >&2; exit 1; }
  libs=$(for f in "$binary" $openssl; do echo "$f"; ldd "$f"; done | sed -n 's/.*=> \(\/[^ ]*\) (0x.*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (0x.*/\1/p'; echo "$openssl")
  libs=$(echo "$libs" | sort -u)
  [ -n "$libs" ] || { echo "image.sh: ldd lists no libraries for $binary" >&2; exit 1; }
  for lib in $libs; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' > "$root/etc/group"
  printf 'FROM scratch\nCOPY . /\n' > "$work/base.Containerfile"
  buildah build --quiet --timestamp "$epoch" -f "$work/base.Containerfile" -t localhost/manifestflow-base:local "$root" >/dev/null
  base_args=(--pull=never --build-arg BASE=localhost/manifestflow-base:local)
elif [ -n "${IMAGE_BASE:-}" ]; then
  base_args=(--build-arg "BASE=$IMAGE_BASE")
fi

mkdir -p "$work/context"
cp "$binary" "$work/context/manifestflow"
cp "$repo/deploy/argocd/plugin.yaml" "$work/context/plugin.yaml"
buildah build --quiet --timestamp "$epoch" "${base_args[@]}" --build-arg "VERSION=$version" \
  -f "$repo/Containerfile" -t "$tag" "$work/context"
