#!/bin/sh
# Generates the TEST-ONLY keys and certificates under integration_tests/tls/fixtures/:
# a CA, certificates it signs (server "localhost", SNI name "b.example", a client), and a
# self-signed certificate from no CA. Never use these keys for anything but tests.
set -eu
out="$(dirname "$0")/../../integration_tests/tls/fixtures"
mkdir -p "$out"
cd "$out"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout test-ca-key.pem -out test-ca-cert.pem \
  -days $days -subj "/C=US/O=skua tests/CN=skua test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=keyCertSign,cRLSign" 2>/dev/null
sign() {  # name subject extensions
  openssl req -newkey rsa:2048 -nodes -keyout "test-$1-key.pem" -out "$1.csr" -subj "$2" 2>/dev/null
  printf '%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA test-ca-cert.pem -CAkey test-ca-key.pem -CAcreateserial \
    -out "test-$1-cert.pem" -days $days -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
sign server "/C=US/O=skua tests/CN=localhost" \
  "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
sign sni-b "/C=US/O=skua tests/CN=b.example" \
  "subjectAltName=DNS:b.example
extendedKeyUsage=serverAuth"
sign client "/C=US/O=skua tests/CN=test client" "extendedKeyUsage=clientAuth"
openssl req -x509 -newkey rsa:2048 -nodes -keyout test-self-signed-key.pem \
  -out test-self-signed-cert.pem -days $days -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
rm -f test-ca-cert.srl
