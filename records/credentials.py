"""Content credentials (C2PA) on the archived MP4.

A manifest is embedded in the delivery MP4 with c2pa-python. It declares AI generation (IPTC
digitalSourceType ``trainedAlgorithmicMedia``), the engine (preset and checkpoint identity), the
inheritor's sign-off and the attribution.

Signing credentials:
- Production: ``HERITAGE_C2PA_CERT_CHAIN`` (PEM: end-entity certificate first, then the chain) and
  ``HERITAGE_C2PA_PRIVATE_KEY`` (PEM) point at files issued by a real CA; ``HERITAGE_C2PA_ALG``
  (default ``es256``) and ``HERITAGE_C2PA_TSA_URL`` (a time-stamp authority; empty means none).
- Development (default): a self-signed root CA and an end-entity certificate with the key usages C2PA
  requires are generated locally with ``cryptography`` the first time they are needed and kept in
  ``HERITAGE_C2PA_DEV_DIR`` (default var/c2pa-dev). No network is used. Readers therefore report the
  signing credential as untrusted, which is correct for a development certificate.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

IPTC_TRAINED_ALGORITHMIC = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
CLAIM_GENERATOR = "heritage-archive"


class CredentialsError(RuntimeError):
    pass


@dataclass(frozen=True)
class SigningMaterial:
    cert_chain_pem: bytes
    private_key_pem: bytes
    alg: str
    tsa_url: str | None
    development: bool


def _settings():
    from django.conf import settings

    return settings


def generate_dev_certificates(folder: Path) -> tuple[Path, Path]:
    """Write a development root CA + end-entity ES256 certificate chain and key into ``folder``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "heritage development"),
        x509.NameAttribute(NameOID.COMMON_NAME, "heritage development root CA (not trusted)"),
    ])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False,
        ), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    ee_key = ec.generate_private_key(ec.SECP256R1())
    ee_name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "heritage development"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "archive"),
        x509.NameAttribute(NameOID.COMMON_NAME, "heritage archive signer (development)"),
    ])
    ee_cert = (
        x509.CertificateBuilder()
        .subject_name(ee_name).issuer_name(ca_name)
        .public_key(ee_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + dt.timedelta(days=825))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
        ), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ee_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    chain = folder / "chain.pem"
    key = folder / "signer.key"
    chain.write_bytes(
        ee_cert.public_bytes(serialization.Encoding.PEM) + ca_cert.public_bytes(serialization.Encoding.PEM)
    )
    key.write_bytes(ee_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ))
    key.chmod(0o600)
    (folder / "root-ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    return chain, key


def _conf(name: str, default: str = "") -> str:
    """A Django setting (heritage/settings/base.py reads it from the environment)."""
    return str(getattr(_settings(), name, "") or "") or default


def signing_material() -> SigningMaterial:
    s = _settings()
    chain_path = _conf("HERITAGE_C2PA_CERT_CHAIN")
    key_path = _conf("HERITAGE_C2PA_PRIVATE_KEY")
    alg = _conf("HERITAGE_C2PA_ALG", "es256").lower()
    tsa = _conf("HERITAGE_C2PA_TSA_URL") or None
    if chain_path or key_path:
        if not (chain_path and key_path):
            raise CredentialsError("HERITAGE_C2PA_CERT_CHAIN 与 HERITAGE_C2PA_PRIVATE_KEY 必须同时设置。")
        try:
            return SigningMaterial(Path(chain_path).read_bytes(), Path(key_path).read_bytes(), alg, tsa, False)
        except OSError as exc:
            raise CredentialsError(f"无法读取 C2PA 签名证书或私钥:{exc}") from exc
    folder = Path(_conf("HERITAGE_C2PA_DEV_DIR") or (Path(s.VAR_DIR) / "c2pa-dev"))
    chain, key = folder / "chain.pem", folder / "signer.key"
    if not (chain.exists() and key.exists()):
        chain, key = generate_dev_certificates(folder)
    return SigningMaterial(chain.read_bytes(), key.read_bytes(), "es256", tsa, True)


def build_manifest_definition(*, title: str, record_id: str, attribution: str, rights_uri: str, ai_notice: str,
                              engine: dict, signoff: dict) -> dict:
    return {
        "claim_generator_info": [{"name": CLAIM_GENERATOR, "version": "1"}],
        "title": title,
        "format": "video/mp4",
        "assertions": [
            {
                "label": "c2pa.actions.v2",
                "data": {
                    "actions": [
                        {
                            "action": "c2pa.created",
                            "digitalSourceType": IPTC_TRAINED_ALGORITHMIC,
                            "softwareAgent": {"name": engine.get("name", "heritage text-to-video engine"),
                                              "version": str(engine.get("preset", ""))},
                            "parameters": {"description": ai_notice},
                        }
                    ]
                },
            },
            {
                "label": "org.heritage.archive",
                "data": {
                    "archive_record": record_id,
                    "attribution": attribution,
                    "rights": rights_uri,
                    "ai_notice": ai_notice,
                    "engine": engine,
                    "signoff": signoff,
                },
            },
        ],
    }


def embed_manifest(source: Path, dest: Path, definition: dict) -> bytes:
    """Sign ``source`` (an MP4) into ``dest`` with the manifest; return the manifest store bytes."""
    import c2pa

    material = signing_material()
    info = c2pa.C2paSignerInfo(material.alg.encode(), material.cert_chain_pem, material.private_key_pem,
                               material.tsa_url.encode() if material.tsa_url else None)
    try:
        signer = c2pa.Signer.from_info(info)
        builder = c2pa.Builder(json.dumps(definition))
        with open(source, "rb") as src, open(dest, "w+b") as dst:
            return builder.sign(signer, "video/mp4", src, dst)
    except c2pa.C2paError as exc:
        raise CredentialsError(f"C2PA 签名失败:{exc}") from exc


def read_manifest(path_or_bytes) -> dict:
    """Read the active manifest back from an MP4 (a path or bytes). Returns the manifest store as a dict
    with ``active`` (the active manifest) and ``validation_state``."""
    import c2pa

    stream = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, (bytes, bytearray)) else open(path_or_bytes, "rb")
    try:
        with c2pa.Reader("video/mp4", stream) as reader:
            store = json.loads(reader.json())
            state = reader.get_validation_state()
    finally:
        stream.close()
    active = store["manifests"][store["active_manifest"]]
    return {"store": store, "active": active, "validation_state": state}


def manifest_assertion(manifest: dict, label: str) -> dict | None:
    for a in manifest.get("assertions", []):
        if a.get("label") == label:
            return a.get("data")
    return None
