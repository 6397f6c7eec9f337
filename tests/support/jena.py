"""Jena ARQ for tests, from Debian's libapache-jena-java: `JenaRunner.java` (run as a single-file program, one JVM
for many queries) loads an N-Quads dataset once and answers each query into a file.

Debian's jena-core.jar moved Xerces to the package `xerces` but left its message bundles under
`org/apache/jena/ext/xerces`, so ARQ fails to start ("internal error" in XSSimpleTypeDecl): `classpath` adds a
small jar, made from the installed jar, with the bundles where that Xerces looks for them.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

JAVA_LIB = Path("/usr/share/java")
JARS = ["jena-arq", "jena-base", "jena-core", "jena-iri", "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
        "jena-dboe-trans-data", "jena-dboe-transaction", "jena-tdb", "jena-tdb2", "jena-rdfconnection",
        "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
        "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-annotations", "jackson-core",
        "jackson-databind", "jakarta.json-api", "jsonld-java", "protobuf", "thrift", "titanium-json-ld",
        "slf4j-api", "slf4j-nop"]
RUNNER = Path(__file__).with_name("JenaRunner.java")
MOVED_BUNDLES = "org/apache/jena/ext/xerces/"


def missing() -> str | None:
    """Why Jena ARQ cannot run here, or None."""
    absent = [name for name in JARS if not (JAVA_LIB / f"{name}.jar").exists()]
    absent += [tool for tool in ("java", "javac") if not shutil.which(tool)]  # javac: JenaRunner.java is compiled
    if absent:
        return ("Jena ARQ is not installed (Debian packages libapache-jena-java and default-jdk-headless; "
                f"`make stores` installs them as root); missing: {', '.join(absent)}")
    return None


def classpath(folder: Path) -> str:
    bundles = folder / "xerces-messages.jar"
    with zipfile.ZipFile(JAVA_LIB / "jena-core.jar") as core, zipfile.ZipFile(bundles, "w") as out:
        for name in core.namelist():
            if name.startswith(MOVED_BUNDLES) and name.endswith(".properties"):
                out.writestr("xerces/" + name[len(MOVED_BUNDLES):], core.read(name))
    return ":".join([str(bundles), *(str(JAVA_LIB / f"{name}.jar") for name in JARS)])


def run_queries(folder: Path, dataset: Path, queries: list[Path]) -> list[Path]:
    """Answer each query file on `dataset` (N-Quads) in one JVM; the answer files, in order."""
    answers = [query.with_suffix(".answer") for query in queries]
    command = ["java", "-cp", classpath(folder), str(RUNNER), str(dataset)]
    for query, answer in zip(queries, answers):
        command += [str(query), str(answer)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise RuntimeError(f"Jena ARQ failed: {done.stderr[-2000:]}")
    return answers
