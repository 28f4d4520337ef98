"""Interop oracle for NovaImage's image signatures: Python's cryptography signs, cursive verifies (the code Glance and
Nova run). Run with /usr/bin/python3 (Debian's python3-cursive).

  cursive_oracle.py generate DIR   keys and self-signed certificates for every key type, DIR/data.bin, and Python's
                                   signature of it for every key type and hash method (KEYTYPE_HASH.py.sig)
  cursive_oracle.py verify DIR     cursive checks every KEYTYPE_HASH.nova.sig over DIR/data.bin; prints
                                   "KEYTYPE HASH VALID|INVALID" per file
"""
import datetime
import os
import sys

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, padding, rsa
from cryptography.x509.oid import NameOID
from cursive import signature_utils

CURVES = {"ECC_SECP384R1": ec.SECP384R1(), "ECC_SECP521R1": ec.SECP521R1(), "ECC_SECT409K1": ec.SECT409K1(),
          "ECC_SECT409R1": ec.SECT409R1(), "ECC_SECT571K1": ec.SECT571K1(), "ECC_SECT571R1": ec.SECT571R1()}
KEY_TYPES = ["RSA-PSS", "DSA"] + list(CURVES)


def new_key(key_type):
    if key_type == "RSA-PSS":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if key_type == "DSA":
        return dsa.generate_private_key(key_size=2048)
    return ec.generate_private_key(CURVES[key_type])


def sign(key, key_type, hash_method, data):
    if key_type == "RSA-PSS":
        return key.sign(data, padding.PSS(mgf=padding.MGF1(hash_method), salt_length=padding.PSS.MAX_LENGTH), hash_method)
    if key_type == "DSA":
        return key.sign(data, hash_method)
    return key.sign(data, ec.ECDSA(hash_method))


def generate(directory):
    data = os.urandom(100 * 1024 + 7)
    with open(os.path.join(directory, "data.bin"), "wb") as f:
        f.write(data)
    now = datetime.datetime.utcnow()
    for key_type in KEY_TYPES:
        key = new_key(key_type)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "novaimage-" + key_type)])
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
        with open(os.path.join(directory, key_type + ".key.pem"), "wb") as f:
            f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        with open(os.path.join(directory, key_type + ".cert.pem"), "wb") as f:
            f.write(cert.public_bytes(serialization.Encoding.PEM))
        for hash_name, hash_method in signature_utils.HASH_METHODS.items():
            with open(os.path.join(directory, "%s_%s.py.sig" % (key_type, hash_name)), "wb") as f:
                f.write(sign(key, key_type, hash_method, data))


def verify(directory):
    with open(os.path.join(directory, "data.bin"), "rb") as f:
        data = f.read()
    for file in sorted(os.listdir(directory)):
        if not file.endswith(".nova.sig"):
            continue
        key_type, hash_name = file[: -len(".nova.sig")].rsplit("_", 1)
        with open(os.path.join(directory, key_type + ".cert.pem"), "rb") as f:
            public_key = x509.load_pem_x509_certificate(f.read()).public_key()
        with open(os.path.join(directory, file), "rb") as f:
            signature = f.read()
        verifier = signature_utils.SignatureKeyType.lookup(key_type).create_verifier(
            signature, signature_utils.get_hash_method(hash_name), public_key)
        verifier.update(data)
        try:
            verifier.verify()
            print(key_type, hash_name, "VALID")
        except InvalidSignature:
            print(key_type, hash_name, "INVALID")


if __name__ == "__main__":
    {"generate": generate, "verify": verify}[sys.argv[1]](sys.argv[2])
